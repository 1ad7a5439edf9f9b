import { Badge } from "@/components/ui/badge";
import type { AttestationDTO } from "@/lib/attest/types";
import type { AttestationPanelDTO } from "@/lib/data/dto";
import { PredicateView } from "./predicate-view";
import { ScanSummaryLine } from "./scan-summary-line";
import { StatusBadge } from "./status-badge";

const SOURCE_LABEL: Record<AttestationDTO["source"], string> = {
  "referrers-api": "OCI referrers API",
  "fallback-index": "OCI referrers (fallback tag)",
  "cosign-att-tag": "cosign .att tag",
  "cosign-sig-tag": "cosign .sig tag",
  "sigstore-bundle": "sigstore bundle",
  notation: "Notary v2",
};

function signerText(a: AttestationDTO): string {
  const s = a.signer;
  if (!s) return "unknown signer";
  if (s.keyName) return `key ${s.keyName}`;
  if (s.certificateIdentity) return `${s.certificateIdentity}${s.certificateIssuer ? ` (${s.certificateIssuer})` : ""}`;
  if (s.thumbprint) return `certificate ${s.thumbprint.slice(0, 16)}…`;
  if (s.keyId) return `unknown key (hint ${s.keyId.slice(0, 24)})`;
  return "unknown signer";
}

/** Every attestation of a version with its verification status; only verified predicates are rendered in detail. */
export function AttestationList({ panel }: { panel: AttestationPanelDTO }) {
  const { badge, items: attestations } = panel;
  if (attestations.length === 0) {
    return <p className="empty">No signatures or attestations found for this version (unsigned).</p>;
  }
  return (
    <div className="stack">
      <p className="row">
        <Badge tone={badge.kind === "verified" ? (badge.scanPassed === false ? "error" : "ok") : badge.kind === "failed" ? "error" : "warn"}>{badge.label}</Badge>
        <span className="muted">
          {attestations.length} found · {attestations.filter((a) => a.status === "verified").length} verified
        </span>
      </p>
      {attestations.map((a) => (
        <article key={a.id} id={`att-${encodeURIComponent(a.id)}`} className="panel stack" aria-label={`Attestation ${a.predicateType ?? a.predicateTypeHint ?? a.envelope}`} data-status={a.status}>
          <div className="row" style={{ justifyContent: "space-between" }}>
            <div className="row">
              <StatusBadge status={a.status} title={a.statusReason} />
              <strong>{a.predicateType ?? a.predicateTypeHint ?? "unknown type"}</strong>
              {a.predicateType === null && a.predicateTypeHint ? <span className="muted">(unverified claim)</span> : null}
            </div>
            <span className="muted">{a.createdAt ?? "time unknown"}</span>
          </div>
          <p className="muted" style={{ margin: 0 }}>
            {a.statusReason} · signer: {signerText(a)} · {SOURCE_LABEL[a.source]} · {a.envelope}
          </p>
          {a.summary ? <ScanSummaryLine summary={a.summary} /> : null}
          {a.view ? (
            <details open={a.summary !== null}>
              <summary>Details</summary>
              <PredicateView view={a.view} predicate={a.predicate} />
            </details>
          ) : null}
        </article>
      ))}
    </div>
  );
}
