import { Badge } from "@/components/ui/badge";
import { Bytes } from "@/components/ui/bytes";
import { Digest } from "@/components/ui/digest";
import { Table } from "@/components/ui/table";
import type { LayerRef, ManifestDiff } from "@/lib/diff/types";

type Row = { layer: LayerRef; where: "shared" | "base" | "head"; note: string | null };

/** `kit diff` parity: config digest, annotations and layers shared or unique by digest, with recompressed pairs named. */
export function ManifestDiffView({ manifest }: { manifest: ManifestDiff }) {
  const recompressed = new Set(manifest.pairs.filter((p) => p.sameContent).flatMap((p) => [p.a.digest, p.b.digest]));
  const rows: Row[] = [
    ...manifest.sharedLayers.map((layer) => ({ layer, where: "shared" as const, note: null })),
    ...manifest.uniqueToA.map((layer) => ({ layer, where: "base" as const, note: recompressed.has(layer.digest) ? "recompressed, same content" : null })),
    ...manifest.uniqueToB.map((layer) => ({ layer, where: "head" as const, note: recompressed.has(layer.digest) ? "recompressed, same content" : null })),
  ];
  return (
    <div className="stack">
      <dl className="dl">
        <dt>Config (base)</dt>
        <dd>{manifest.configDigestA ? <Digest value={manifest.configDigestA} /> : "—"}</dd>
        <dt>Config (head)</dt>
        <dd>
          {manifest.configDigestB ? <Digest value={manifest.configDigestB} /> : "—"}{" "}
          {manifest.sameConfig ? <Badge tone="ok">same</Badge> : <Badge tone="warn">changed</Badge>}
        </dd>
      </dl>
      {manifest.annotationChanges.length > 0 ? (
        <Table caption="Manifest annotation changes" showCaption>
          <thead>
            <tr>
              <th scope="col">Annotation</th>
              <th scope="col">Before</th>
              <th scope="col">After</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {manifest.annotationChanges.map((a) => (
              <tr key={a.key}>
                <th scope="row">
                  <code className="wrap">{a.key}</code>
                </th>
                <td className="wrap">{a.before ?? <span className="muted">—</span>}</td>
                <td className="wrap">{a.after ?? <span className="muted">—</span>}</td>
                <td>{a.noise ? <Badge tone="neutral" title="differs whenever two kit versions packed the kits">noise</Badge> : null}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : (
        <p className="muted">Manifest annotations match.</p>
      )}
      <Table caption="Layers by digest">
        <thead>
          <tr>
            <th scope="col">Where</th>
            <th scope="col">Type</th>
            <th scope="col">Path</th>
            <th scope="col">Digest</th>
            <th scope="col" className="num">Size</th>
            <th scope="col">Media type</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ layer, where, note }) => (
            <tr key={`${where}:${layer.digest}`} data-layer-where={where}>
              <td>
                {where === "shared" ? <Badge tone="ok">shared</Badge> : where === "base" ? <Badge tone="error">only base</Badge> : <Badge tone="info">only head</Badge>}
                {note ? (
                  <>
                    {" "}
                    <Badge tone="violet">{note}</Badge>
                  </>
                ) : null}
              </td>
              <td>{layer.kind}</td>
              <td className="wrap">{layer.path ?? <span className="muted">—</span>}</td>
              <td>
                <Digest value={layer.digest} copy={false} />
              </td>
              <td className="num">
                <Bytes value={layer.size} />
              </td>
              <td className="wrap muted">{layer.mediaType}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
