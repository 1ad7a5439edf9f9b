import type { ApprovalDecision, ApprovalRequest, Promotion } from "@/lib/generated/sqlite/client";
import type { ApprovalRequestDTO } from "./dto-types";
import type { ApprovalState } from "./types";

/** Database row → what the API and pages show (dates as ISO strings, JSON groups as a string list). */
export function toApprovalDTO(r: ApprovalRequest & { decisions?: ApprovalDecision[]; promotions?: Promotion[] }): ApprovalRequestDTO {
  const decisions = (r.decisions ?? []).map((d) => ({
    approverId: d.approverId,
    approverName: d.approverName,
    approverGroups: Array.isArray(d.approverGroups) ? d.approverGroups.filter((g): g is string => typeof g === "string") : [],
    approverSubject: d.approverSubject,
    decision: d.decision as "approve" | "reject",
    comment: d.comment,
    at: d.at.toISOString(),
  }));
  return {
    id: r.id,
    registry: r.registry,
    repository: r.repository,
    digest: r.digest,
    reference: `${r.registry}/${r.repository}@${r.digest}`,
    requestedAs: r.reference,
    environment: r.environment,
    state: r.state as ApprovalState,
    version: r.version,
    requester: { id: r.requesterId, name: r.requesterName },
    comment: r.comment,
    approvals: decisions.filter((d) => d.decision === "approve").length,
    approvalsRequired: r.approvalsRequired,
    policyDigest: r.policyDigest,
    reason: r.reason,
    lastError: r.lastError,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    decisions,
    promotions: (r.promotions ?? []).map((p) => ({
      kind: p.kind as "promote" | "revoke",
      targetRepository: p.targetRepository,
      tag: p.tag,
      digest: p.digest,
      previousDigest: p.previousDigest,
      status: p.status as "succeeded" | "failed",
      error: p.error,
      statementDigest: p.statementDigest,
      at: p.at.toISOString(),
    })),
  };
}
