import Link from "next/link";
import { Bytes } from "@/components/ui/bytes";
import { Digest } from "@/components/ui/digest";
import { Table } from "@/components/ui/table";
import type { KitLayer } from "@/lib/modelkit/types";

/** Every layer as the manifest describes it, joined to its Kitfile path. */
export function LayerTable({ layers, filesHref }: { layers: KitLayer[]; filesHref: (digest: string) => string }) {
  return (
    <Table caption="Layers">
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Type</th>
          <th scope="col">Path</th>
          <th scope="col">Media type</th>
          <th scope="col">Compression</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">Digest</th>
          <th scope="col">DiffID</th>
          <th scope="col">Annotations</th>
        </tr>
      </thead>
      <tbody>
        {layers.map((l) => {
          const annotations = Object.entries(l.annotations);
          return (
            <tr key={`${l.index}-${l.digest}`}>
              <td className="num">{l.index}</td>
              <td>{l.kind}</td>
              <td className="wrap">
                {l.path ? <Link href={filesHref(l.digest)}>{l.path}</Link> : <Link href={filesHref(l.digest)}>files</Link>}
              </td>
              <td className="wrap">
                <code>{l.mediaType}</code>
              </td>
              <td>
                {l.format === "raw" ? "raw file" : "tar"}
                {l.compression !== "none" ? ` + ${l.compression}` : ""}
              </td>
              <td className="num">
                <Bytes value={l.size} />
              </td>
              <td>
                <Digest value={l.digest} />
              </td>
              <td>{l.diffId ? <Digest value={l.diffId} copy={false} /> : <span className="muted">—</span>}</td>
              <td className="wrap">
                {annotations.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <details>
                    <summary>{annotations.length}</summary>
                    <dl className="dl">
                      {annotations.map(([k, v]) => (
                        <div key={k} style={{ display: "contents" }}>
                          <dt>
                            <code>{k}</code>
                          </dt>
                          <dd>
                            <code>{v}</code>
                          </dd>
                        </div>
                      ))}
                    </dl>
                  </details>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
