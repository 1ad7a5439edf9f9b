import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { formatDiffValue } from "@/components/diff/format-diff-value";
import type { ModelKitDiff } from "@/lib/diff/types";
import { KitRejections } from "./kit-rejections";

/** ModelPack descriptor/config changes, field by field; the pack time is marked as noise. */
export function ModelCardDiff({ changes }: { changes: ModelKitDiff["modelCard"] }) {
  if (changes.length === 0) return <p className="muted">No model card field changed.</p>;
  return (
    <Table caption="Model card changes">
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
          <tr key={`${c.path}:${c.kind}`} data-card-path={c.path} className={c.noise ? "muted" : undefined}>
            <th scope="row">
              <code className="wrap">{c.path}</code>
              {c.noise ? (
                <>
                  {" "}
                  <Badge tone="neutral" title="kit writes the pack time here on every pack">
                    noise
                  </Badge>
                </>
              ) : null}
            </th>
            <td>
              <span className={`diff-kind diff-kind-${c.kind}`}>{c.kind}</span>
            </td>
            <td className="wrap">{c.kind === "added" ? <span className="muted">—</span> : <code className="diff-before">{formatDiffValue(c.before)}</code>}</td>
            <td aria-hidden="true" className="muted">
              →
            </td>
            <td className="wrap">{c.kind === "removed" ? <span className="muted">—</span> : <code className="diff-after">{formatDiffValue(c.after)}</code>}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}

/** kit's verdict on both sides: what the head breaks that the base did not, and what it fixed. */
export function KitRejectionsDiff({ rejections }: { rejections: ModelKitDiff["kitRejections"] }) {
  if (rejections.base.length === 0 && rejections.head.length === 0) return null;
  return (
    <section aria-labelledby="kit-rejections-heading" className="stack" data-testid="kit-rejections-diff">
      <h2 id="kit-rejections-heading">Kit validation</h2>
      <KitRejections issues={rejections.introduced} title="Kit would reject the head (new in the head)" />
      <KitRejections issues={rejections.head.filter((i) => !rejections.introduced.includes(i))} title="Kit would reject both base and head" />
      {rejections.fixed.length > 0 ? (
        <div className="alert alert-info" role="note" aria-label="Fixed in the head">
          <h3>Fixed in the head: {rejections.fixed.length}</h3>
          <ul>
            {rejections.fixed.map((i, n) => (
              <li key={n}>
                <code>{i.field}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
