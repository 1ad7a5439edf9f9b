import type { KitValidationIssue } from "@/lib/modelkit/types";

/**
 * What kit's own validation refuses in this ModelKit. Kit would not pack or unpack it; Kitgate still
 * shows everything else, so a reviewer sees the kit and why a `kit unpack` will fail.
 */
export function KitRejections({ issues, title = "Kit would reject this" }: { issues: KitValidationIssue[]; title?: string }) {
  if (issues.length === 0) return null;
  return (
    <div className="alert alert-error" role="note" aria-label={title} data-testid="kit-rejections">
      <h2>
        {title}: {issues.length} {issues.length === 1 ? "problem" : "problems"}
      </h2>
      <p style={{ margin: "4px 0" }}>
        <code>kit pack</code> and <code>kit unpack</code> refuse a ModelKit with these problems (kit&apos;s Kitfile validation).
      </p>
      <ul>
        {issues.map((i, n) => (
          <li key={n} data-rule={i.rule}>
            <code>{i.field}</code>: {i.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
