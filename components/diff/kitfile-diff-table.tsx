import { Table } from "@/components/ui/table";
import type { KitfileChange } from "@/lib/diff/types";
import { formatDiffValue } from "./format-diff-value";

/** Kitfile fields by readable path (entries matched by name/path, not position): before → after. */
export function KitfileDiffTable({ changes }: { changes: KitfileChange[] }) {
  if (changes.length === 0) return <p className="muted">No Kitfile field changed.</p>;
  return (
    <Table caption="Kitfile field changes">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Change</th>
          <th scope="col">Before</th>
          <th scope="col" aria-hidden="true" />
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {changes.map((c) => (
          <tr key={`${c.path}:${c.kind}`} data-kitfile-path={c.path}>
            <th scope="row">
              <code className="wrap">{c.path}</code>
            </th>
            <td>
              <span className={`diff-kind diff-kind-${c.kind}`}>{c.kind}</span>
            </td>
            <td className="wrap">
              {c.kind === "added" ? <span className="muted">—</span> : <code className="diff-before">{formatDiffValue(c.before)}</code>}
            </td>
            <td aria-hidden="true" className="muted">
              →
            </td>
            <td className="wrap">
              {c.kind === "removed" ? <span className="muted">—</span> : <code className="diff-after">{formatDiffValue(c.after)}</code>}
            </td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
