// Any predicate without a dedicated renderer: a collapsible tree of React text nodes. Nothing is ever interpreted as
// HTML or markdown; keys and values are plain strings.

/** Children shown per object/array before "… N more": keeps a 10k-entry SBOM from freezing the tab. */
const MAX_CHILDREN = 200;

export function JsonTree({ value, label = "predicate", open = true }: { value: unknown; label?: string; open?: boolean }) {
  return (
    <div style={{ fontFamily: "var(--mono)", fontSize: 12.5 }}>
      <Node name={label} value={value} open={open} />
    </div>
  );
}

function Node({ name, value, open }: { name: string; value: unknown; open: boolean }) {
  if (value === null || typeof value !== "object") {
    return (
      <div style={{ paddingLeft: 16, overflowWrap: "anywhere" }}>
        <span className="muted">{name}: </span>
        <span>{typeof value === "string" ? JSON.stringify(value) : String(value)}</span>
      </div>
    );
  }
  const entries: [string, unknown][] = Array.isArray(value) ? value.map((v, i) => [String(i), v]) : Object.entries(value);
  return (
    <details open={open} style={{ paddingLeft: 8 }}>
      <summary>
        <span className="muted">{name}</span> {Array.isArray(value) ? `[${entries.length}]` : `{${entries.length}}`}
      </summary>
      <div style={{ paddingLeft: 8 }}>
        {entries.slice(0, MAX_CHILDREN).map(([k, v]) => (
          <Node key={k} name={k} value={v} open={false} />
        ))}
        {entries.length > MAX_CHILDREN ? <div className="muted">… {entries.length - MAX_CHILDREN} more</div> : null}
      </div>
    </details>
  );
}
