import { Table } from "@/components/ui/table";
import type { TensorHeaderDTO } from "@/lib/data/dto";
import { formatCount } from "@/lib/format/format-count";

/** A safetensors/GGUF header: read from the file's first bytes, weights never downloaded. */
export function TensorTable({ header }: { header: TensorHeaderDTO }) {
  const dtypes = new Map<string, number>();
  for (const t of header.tensors) dtypes.set(t.dtype, (dtypes.get(t.dtype) ?? 0) + 1);
  const metadata = Object.entries(header.metadata);
  return (
    <div className="stack">
      <dl className="dl">
        <dt>Format</dt>
        <dd>{header.kind === "gguf" ? "GGUF" : "safetensors"}</dd>
        <dt>Parameters</dt>
        <dd title={header.parameterCount.toLocaleString("en-US")}>
          {formatCount(header.parameterCount)} ({header.parameterCount.toLocaleString("en-US")})
        </dd>
        <dt>Tensors</dt>
        <dd>
          {header.tensors.length.toLocaleString("en-US")}
          {header.tensorsTruncated ? " (list truncated)" : ""}
        </dd>
        <dt>Dtypes</dt>
        <dd>{[...dtypes].map(([d, n]) => `${d} ×${n}`).join(", ") || "—"}</dd>
      </dl>
      <Table caption="Tensors" showCaption={false}>
        <thead>
          <tr>
            <th scope="col">Tensor</th>
            <th scope="col">Dtype</th>
            <th scope="col">Shape</th>
            <th scope="col" className="num">
              Parameters
            </th>
          </tr>
        </thead>
        <tbody>
          {header.tensors.map((t) => (
            <tr key={t.name}>
              <td className="wrap">
                <code>{t.name}</code>
              </td>
              <td>{t.dtype}</td>
              <td>
                <code>[{t.shape.join(", ")}]</code>
              </td>
              <td className="num">{t.shape.reduce((a, b) => a * b, 1).toLocaleString("en-US")}</td>
            </tr>
          ))}
        </tbody>
      </Table>
      {metadata.length > 0 ? (
        <details>
          <summary>Header metadata ({metadata.length})</summary>
          <pre className="code">{JSON.stringify(header.metadata, null, 2)}</pre>
        </details>
      ) : null}
    </div>
  );
}
