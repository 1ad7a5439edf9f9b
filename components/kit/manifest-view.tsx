import { CopyButton } from "@/components/ui/copy-button";
import { Table } from "@/components/ui/table";
import type { Annotations } from "@/lib/oci/types";

/** Manifest annotations as a table, then the exact manifest JSON (text, never re-serialised for hashing). */
export function ManifestView({ annotations, manifestJson, mediaType, artifactType }: { annotations: Annotations; manifestJson: string; mediaType: string | null; artifactType: string | null }) {
  const entries = Object.entries(annotations);
  return (
    <div className="stack">
      <dl className="dl">
        <dt>Media type</dt>
        <dd>
          <code>{mediaType ?? "—"}</code>
        </dd>
        <dt>Artifact type</dt>
        <dd>
          <code>{artifactType ?? "—"}</code>
        </dd>
      </dl>
      <h2>Annotations</h2>
      {entries.length === 0 ? (
        <p className="muted">No annotations.</p>
      ) : (
        <Table caption="Manifest annotations">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([k, v]) => (
              <tr key={k}>
                <td className="wrap">
                  <code>{k}</code>
                </td>
                <td className="wrap">
                  <code>{v.length > 400 ? `${v.slice(0, 400)}…` : v}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Raw manifest</h2>
        <CopyButton text={manifestJson} label="Copy manifest JSON" />
      </div>
      <pre className="code">
        <code>{manifestJson}</code>
      </pre>
    </div>
  );
}
