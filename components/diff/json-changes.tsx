import { Table } from "@/components/ui/table";
import type { JsonChange } from "@/lib/diff/json/types";
import { formatDiffValue } from "./format-diff-value";

/** Path-level JSON/YAML changes, order-insensitive: what a reviewer reads before the line diff. */
export function JsonChanges({ changes, truncated }: { changes: JsonChange[]; truncated: boolean }) {
  if (changes.length === 0) return <p className="muted">Same data: the files differ only in formatting or key order.</p>;
  return (
    <>
      <Table caption="Semantic changes by JSON path">
        <thead>
          <tr>
            <th scope="col">Path</th>
            <th scope="col">Change</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c, i) => (
            <tr key={`${c.path}:${i}`} data-json-path={c.path}>
              <th scope="row">
                <code className="wrap">{c.path}</code>
              </th>
              <td>
                <span className={`diff-kind diff-kind-${c.kind}`}>{c.kind}</span>
              </td>
              <td className="wrap">{c.kind === "added" ? <span className="muted">—</span> : <code className="diff-before">{formatDiffValue(c.before)}</code>}</td>
              <td className="wrap">{c.kind === "removed" ? <span className="muted">—</span> : <code className="diff-after">{formatDiffValue(c.after)}</code>}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {truncated ? <p className="muted">More changes were found than are listed; the line diff below shows them all.</p> : null}
    </>
  );
}
