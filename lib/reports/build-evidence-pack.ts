import type { AttestationDTO } from "@/lib/attest/types";
import { hashAuditRow } from "@/lib/audit/hash-audit-row";
import type { ChainedAuditRow, ChainVerification } from "@/lib/audit/types";
import type { ModelKitView } from "@/lib/modelkit/types";
import type { PolicyEvaluationDTO } from "@/lib/policy/types";
import { EVIDENCE_PACK_FORMAT, type EvidencePack } from "./types";

export interface StoredApproval {
  id: string;
  environment: string;
  state: string;
  requesterId: string;
  requesterName: string;
  comment: string | null;
  reason: string | null;
  approvalsRequired: number;
  policyDigest: string | null;
  createdAt: Date;
  decisions: {
    approverId: string;
    approverName: string;
    approverSubject: string | null;
    approverGroups: unknown;
    decision: string;
    comment: string | null;
    at: Date;
  }[];
  promotions: {
    kind: string;
    targetRepository: string;
    tag: string;
    digest: string;
    previousDigest: string | null;
    status: string;
    error: string | null;
    statementDigest: string | null;
    at: Date;
  }[];
}

export interface EvidenceInput {
  generatedAt: Date;
  generatedBy: { id: string; name: string };
  modelKit: { reference: string; registry: string; repository: string; digest: string; tags: string[]; view: ModelKitView };
  attestations: AttestationDTO[];
  policy: (PolicyEvaluationDTO | { environment: string; error: string })[];
  /** null: the approval workflow's tables are not there (older database) */
  approvals: StoredApproval[] | null;
  auditRows: ChainedAuditRow[];
  chain: ChainVerification;
}

/**
 * The evidence pack as data: everything an auditor needs about one digest, in a stable JSON shape that the PDF
 * renders verbatim. Pure, so its content is tested without a registry or a database.
 */
export function buildEvidencePack(input: EvidenceInput): EvidencePack {
  const { modelKit: mk } = input;
  const kf = mk.view.kitfile;
  const approvals = input.approvals ?? [];
  return {
    format: EVIDENCE_PACK_FORMAT,
    generatedAt: input.generatedAt.toISOString(),
    generatedBy: input.generatedBy,
    modelKit: {
      reference: mk.reference,
      registry: mk.registry,
      repository: mk.repository,
      digest: mk.digest,
      tags: mk.tags,
      mediaType: mk.view.mediaType,
      artifactFormat: mk.view.format,
      configDigest: mk.view.config?.digest ?? null,
      created: mk.view.created,
      totalSize: mk.view.totalSize,
      layers: mk.view.layers.map((l) => ({ index: l.index, kind: l.kind, path: l.path, mediaType: l.mediaType, digest: l.digest, size: l.size })),
    },
    kitfile: kf
      ? {
          source: mk.view.kitfileSource,
          packageName: kf.package?.name ?? null,
          version: kf.package?.version ?? null,
          authors: kf.package?.authors ?? [],
          description: kf.package?.description ?? null,
          model: kf.model ? { name: kf.model.name ?? null, path: kf.model.path ?? null, framework: kf.model.framework ?? null } : null,
          datasets: kf.datasets?.length ?? 0,
          code: kf.code?.length ?? 0,
          docs: kf.docs?.length ?? 0,
        }
      : null,
    attestations: input.attestations.map((a) => ({
      id: a.id,
      predicateType: a.predicateType ?? a.predicateTypeHint,
      source: a.source,
      envelope: a.envelope,
      status: a.status,
      statusReason: a.statusReason,
      signer: a.signer ? (a.signer.certificateIdentity ?? a.signer.keyName ?? a.signer.keyId ?? null) : null,
      createdAt: a.createdAt,
      summary: a.summary
        ? `${a.summary.passed ? "passed" : "failed"}; worst ${a.summary.worstSeverity ?? "none"}; ${a.summary.tools.join(", ") || "unknown scanner"}`
        : null,
    })),
    policy: input.policy.map((p) =>
      "error" in p
        ? { environment: p.environment, passed: null, tier: null, policyDigest: null, evaluatedAt: null, rules: [], error: p.error }
        : {
            environment: p.environment,
            passed: p.passed,
            tier: p.tier?.name ?? null,
            policyDigest: p.policyDigest,
            evaluatedAt: p.evaluatedAt,
            rules: p.rules.map((r) => ({ id: r.id, title: r.title, passed: r.passed, reason: r.reason })),
          },
    ),
    approvals: approvals.map((r) => ({
      requestId: r.id,
      environment: r.environment,
      state: r.state,
      requesterId: r.requesterId,
      requesterName: r.requesterName,
      comment: r.comment,
      reason: r.reason,
      approvalsRequired: r.approvalsRequired,
      policyDigest: r.policyDigest,
      createdAt: r.createdAt.toISOString(),
      decisions: r.decisions.map((d) => ({
        approverId: d.approverId,
        approverName: d.approverName,
        approverSubject: d.approverSubject,
        approverGroups: Array.isArray(d.approverGroups) ? d.approverGroups.filter((g): g is string => typeof g === "string") : [],
        decision: d.decision,
        comment: d.comment,
        at: d.at.toISOString(),
      })),
    })),
    approvalNote:
      input.approvals === null
        ? "The approval workflow is not available in this database: no approval chain can be shown."
        : approvals.length === 0
          ? "No promotion of this digest has been requested: the approval chain is empty."
          : null,
    promotions: approvals.flatMap((r) =>
      r.promotions.map((p) => ({ requestId: r.id, ...p, at: p.at.toISOString() })),
    ),
    audit: {
      rows: input.auditRows.map((r) => ({
        seq: r.seq,
        id: r.id,
        at: r.at.toISOString(),
        actorId: r.actorId,
        actorName: r.actorName,
        action: r.action,
        target: r.target,
        environment: r.environment,
        prevHash: r.prevHash,
        hash: r.hash,
        hashValid: r.hash !== null && r.hash === hashAuditRow(r),
      })),
      chain: {
        ok: input.chain.ok,
        mode: input.chain.mode ?? "full",
        checked: input.chain.checked,
        headHash: input.chain.head?.hash ?? input.chain.lastHash ?? null,
        headSeq: input.chain.head?.seq ?? null,
        ...(input.chain.firstBroken ? { firstBroken: input.chain.firstBroken } : {}),
        findings: (input.chain.findings ?? []).map((f) => f.message),
        checkpoint: input.chain.checkpoint ?? null,
      },
    },
  };
}
