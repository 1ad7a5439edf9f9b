import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Bytes } from "@/components/ui/bytes";
import { CopyButton } from "@/components/ui/copy-button";
import { FormatBadge } from "@/components/ui/format-badge";
import { Table } from "@/components/ui/table";
import type { VersionDTO } from "@/lib/data/dto";
import { kitHref } from "@/lib/format/kit-href";

const BADGE_TONE: Record<"unsigned" | "failed" | "unverified" | "verified", BadgeTone> = {
  unsigned: "neutral",
  failed: "error",
  unverified: "warn",
  verified: "ok",
};

/** The ModelPack descriptor/config in one line: who made it, how big, which licenses. */
function CardSummary({ card }: { card: NonNullable<VersionDTO["card"]> }) {
  const facts = [card.vendor, card.family, card.architecture, card.paramSize && `${card.paramSize} params`, card.precision, card.quantization].filter(Boolean);
  return (
    <div className="muted" data-testid="version-card">
      {facts.length ? <div>{facts.join(" · ")}</div> : null}
      {card.licenses.length ? <div>{card.licenses.join(", ")}</div> : null}
      {card.schemaIssues > 0 ? (
        <Badge tone="warn" title="The ModelPack config breaks the model-spec config rules">
          {card.schemaIssues} schema {card.schemaIssues === 1 ? "violation" : "violations"}
        </Badge>
      ) : null}
    </div>
  );
}

/** One row per digest: tags as chips, the Kitfile summary, and copyable pinned references. */
export function VersionTable({ registry, repository, versions }: { registry: string; repository: string; versions: VersionDTO[] }) {
  const base = `${registry}/${repository}`;
  return (
    <Table caption={`Versions of ${base}`}>
      <thead>
        <tr>
          <th scope="col">Tags</th>
          <th scope="col">Digest</th>
          <th scope="col">Format</th>
          <th scope="col">Attestations</th>
          <th scope="col">Package</th>
          <th scope="col">Authors</th>
          <th scope="col">Model</th>
          <th scope="col" className="num">
            Size
          </th>
          <th scope="col">Reference</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => {
          // rows for tags that did not resolve carry a placeholder instead of a digest
          const hasDigest = /^sha(256|512):/.test(v.digest);
          const pinned = `${base}@${v.digest}`;
          const tagRefs = v.tags.map((t) => ({ tag: t, ref: `${base}:${t}` }));
          return (
            <tr key={v.digest} className={v.error ? "row-error" : undefined} data-format={v.format}>
              <td>
                <span className="row">
                  {tagRefs.length === 0 ? <span className="muted">untagged</span> : null}
                  {tagRefs.map(({ tag, ref }) => (
                    <Link key={tag} className="chip" href={kitHref(ref)} aria-label={`Open version ${tag}`}>
                      {tag}
                    </Link>
                  ))}
                </span>
              </td>
              <td>
                {hasDigest ? (
                  <span className="cell-digest">
                    <Link href={kitHref(pinned)} title={v.digest}>
                      <code>{v.digest.slice(0, 19)}</code>
                    </Link>
                    <CopyButton text={v.digest} label={`Copy digest ${v.digest}`} />
                  </span>
                ) : (
                  <span className="muted">unresolved</span>
                )}
              </td>
              <td>
                <FormatBadge format={v.format} />
                {v.kitRejections > 0 ? (
                  <div>
                    <Badge tone="error" title="kit's own Kitfile validation refuses this version">
                      kit would reject this ({v.kitRejections})
                    </Badge>
                  </div>
                ) : null}
              </td>
              <td>
                {v.attestation ? (
                  <Badge tone={BADGE_TONE[v.attestation.kind === "verified" && v.attestation.scanPassed === false ? "failed" : v.attestation.kind]}>
                    {v.attestation.label}
                  </Badge>
                ) : (
                  <span className="muted">—</span>
                )}
              </td>
              {v.error ? (
                <td colSpan={4} className="wrap" role="alert">
                  {v.error}
                </td>
              ) : (
                <>
                  <td>
                    {v.packageName ?? <span className="muted">—</span>}
                    {v.packageVersion ? <span className="muted"> {v.packageVersion}</span> : null}
                  </td>
                  <td className="wrap">{v.authors.length ? v.authors.join(", ") : <span className="muted">—</span>}</td>
                  <td className="wrap" data-testid="version-model">
                    {v.modelName ?? v.card?.title ?? <span className="muted">—</span>}
                    {v.framework || v.modelFormat ? (
                      <div className="muted">{[v.framework, v.modelFormat].filter(Boolean).join(" · ")}</div>
                    ) : null}
                    {v.card ? <CardSummary card={v.card} /> : null}
                  </td>
                  <td className="num">
                    <Bytes value={v.totalSize} />
                  </td>
                </>
              )}
              <td>
                {hasDigest ? (
                  <CopyButton text={pinned} label={`Copy reference ${pinned}`}>
                    Copy ref
                  </CopyButton>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}
