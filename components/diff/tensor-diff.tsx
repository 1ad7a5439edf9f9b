import { Table } from "@/components/ui/table";
import type { TensorHeaderDTO } from "@/lib/data/dto";
import type { TensorHeaderDiff } from "@/lib/diff/types";
import { formatCount } from "@/lib/format/format-count";
import { formatDiffValue } from "./format-diff-value";

const shape = (s?: number[]) => (s ? `[${s.join(", ")}]` : "—");
const signed = (n: number) => `${n > 0 ? "+" : n < 0 ? "−" : "±"}${formatCount(Math.abs(n))}`;

/** safetensors/GGUF header diff: parameters, tensors added/removed/reshaped/retyped, metadata. */
export function TensorDiff({ diff, base, head }: { diff: TensorHeaderDiff; base: TensorHeaderDTO | null; head: TensorHeaderDTO | null }) {
  const p = diff.parameterCount;
  return (
    <div className="stack">
      <dl className="dl">
        <dt>Format</dt>
        <dd>{(head ?? base)?.kind === "gguf" ? "GGUF" : "safetensors"}</dd>
        <dt>Parameters</dt>
        <dd data-testid="parameter-count">
          <span title={p.before.toLocaleString("en-US")}>{formatCount(p.before)}</span> →{" "}
          <span title={p.after.toLocaleString("en-US")}>{formatCount(p.after)}</span>{" "}
          <span className={p.delta > 0 ? "diff-add-text" : p.delta < 0 ? "diff-del-text" : "muted"}>
            ({signed(p.delta)}, {p.delta.toLocaleString("en-US")})
          </span>
        </dd>
        <dt>Tensors</dt>
        <dd>
          {diff.counts.added} added, {diff.counts.removed} removed, {diff.counts.changed} changed, {diff.counts.unchanged} unchanged
        </dd>
      </dl>
      {diff.changes.length > 0 ? (
        <Table caption="Tensor changes">
          <thead>
            <tr>
              <th scope="col">Tensor</th>
              <th scope="col">Change</th>
              <th scope="col">Dtype</th>
              <th scope="col">Shape</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((c) => (
              <tr key={c.name} data-tensor={c.name} className={`diff-row-${c.kind === "added" ? "added" : c.kind === "removed" ? "removed" : "changed"}`}>
                <th scope="row">
                  <code className="wrap">{c.name}</code>
                </th>
                <td>
                  <span className={`diff-kind diff-kind-${c.kind === "added" || c.kind === "removed" ? c.kind : "changed"}`}>{c.kind}</span>
                </td>
                <td>{c.dtypeBefore && c.dtypeAfter && c.dtypeBefore !== c.dtypeAfter ? `${c.dtypeBefore} → ${c.dtypeAfter}` : (c.dtypeAfter ?? c.dtypeBefore)}</td>
                <td>
                  {c.kind === "added" ? shape(c.shapeAfter) : c.kind === "removed" ? shape(c.shapeBefore) : c.kind === "dtype-changed" ? shape(c.shapeAfter) : `${shape(c.shapeBefore)} → ${shape(c.shapeAfter)}`}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="muted">Same tensor names, shapes and dtypes.</p>
      )}
      {diff.metadata.length > 0 ? (
        <Table caption="Header metadata changes" showCaption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
            </tr>
          </thead>
          <tbody>
            {diff.metadata.map((m) => (
              <tr key={m.key}>
                <th scope="row">
                  <code className="wrap">{m.key}</code>
                </th>
                <td className="wrap">{m.kind === "added" ? "—" : formatDiffValue(m.before)}</td>
                <td className="wrap">{m.kind === "removed" ? "—" : formatDiffValue(m.after)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {diff.truncated ? <p className="muted">The tensor list was truncated at its cap; counts cover what was read.</p> : null}
    </div>
  );
}
