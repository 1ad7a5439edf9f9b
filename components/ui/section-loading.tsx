/** Placeholder while a section that reads a registry streams in; the rest of the page is already usable. */
export function SectionLoading({ label = "Loading…" }: { label?: string }) {
  return (
    <p className="muted" role="status" aria-live="polite">
      {label}
    </p>
  );
}
