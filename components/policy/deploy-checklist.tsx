import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { kitHref } from "@/lib/format/kit-href";
import type { EvidenceRef, PolicyEvaluationDTO, RuleResult } from "@/lib/policy/types";

/** Where a rule's attestation evidence is shown: its card on the Attestations tab. */
function attestationHref(pageRef: string, attestationId: string): string {
  return `${kitHref(pageRef, { tab: "attestations" })}#att-${encodeURIComponent(attestationId)}`;
}

const shortId = (id: string) => (id.startsWith("sha256:") ? `${id.slice(0, 19)}…${id.slice(id.indexOf("#"))}` : id);

function Evidence({ item, pageRef }: { item: EvidenceRef; pageRef: string }) {
  return (
    <li>
      {item.finding ? <span>{item.finding} </span> : null}
      {item.missing ? (
        <span>
          <strong>Missing:</strong> <code>{item.missing}</code>{" "}
        </span>
      ) : null}
      {item.note ? <span className="muted">{item.note} </span> : null}
      {item.attestationId ? (
        <Link href={attestationHref(pageRef, item.attestationId)} title={item.attestationId}>
          attestation {shortId(item.attestationId)}
        </Link>
      ) : null}
    </li>
  );
}

function Rule({ rule, pageRef }: { rule: RuleResult; pageRef: string }) {
  return (
    <li className="policy-rule" data-passed={rule.passed} aria-label={`${rule.passed ? "Passed" : "Failed"}: ${rule.title}`}>
      <div className="row">
        <span aria-hidden="true" style={{ fontWeight: 700, color: rule.passed ? "var(--ok-fg)" : "var(--err-fg)" }}>
          {rule.passed ? "✓" : "✗"}
        </span>
        <strong>{rule.title}</strong>
        <span className="muted">{rule.kind}</span>
      </div>
      <p style={{ margin: "2px 0 0 22px" }}>{rule.reason}</p>
      {rule.evidence.length > 0 ? (
        <ul aria-label={`Evidence for ${rule.title}`} style={{ margin: "2px 0 0 22px" }}>
          {rule.evidence.map((e, i) => (
            <Evidence key={i} item={e} pageRef={pageRef} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}

/**
 * "Why can't this deploy?": one environment's checklist — the verdict, the tier and why, then every rule with
 * ✓/✗, its reason and links to the evidence. Everything from attestations is rendered as text.
 */
export function DeployChecklist({ evaluation, pageRef }: { evaluation: PolicyEvaluationDTO; pageRef: string }) {
  const failed = evaluation.rules.filter((r) => !r.passed).length;
  return (
    <section className="stack" aria-label={`Deploy checks for ${evaluation.environment}`}>
      <div className="row">
        <h2 style={{ margin: 0 }}>
          {evaluation.passed ? `May deploy to ${evaluation.environment}` : `Why can't this deploy to ${evaluation.environment}?`}
        </h2>
        {evaluation.passed ? <Badge tone="ok">✓ passes</Badge> : <Badge tone="error">✗ blocked: {failed} of {evaluation.rules.length} rules fail</Badge>}
      </div>
      {evaluation.tier ? (
        <div aria-label="Scanning tier">
          <p style={{ margin: 0 }}>
            Scanning tier: <strong>{evaluation.tier.name}</strong>
          </p>
          <ul className="muted" style={{ margin: 0 }}>
            {evaluation.tier.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="muted">No scanning tiers are defined.</p>
      )}
      <ol aria-label={`Rules for ${evaluation.environment}`} style={{ listStyle: "none", padding: 0 }} className="stack">
        {evaluation.rules.map((r) => (
          <Rule key={r.id} rule={r} pageRef={pageRef} />
        ))}
      </ol>
      <p className="muted" style={{ fontSize: 12 }}>
        Evaluated {evaluation.evaluatedAt} against policy <code title={evaluation.policyDigest}>{evaluation.policyDigest.slice(0, 19)}…</code>
        {evaluation.policyFiles.length > 0 ? ` (${evaluation.policyFiles.join(", ")})` : ""}. Same result:{" "}
        <code>
          GET /api/v1/policy/evaluate?ref={evaluation.reference}&amp;environment={evaluation.environment}
        </code>
      </p>
    </section>
  );
}
