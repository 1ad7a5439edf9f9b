import "server-only";
import { actorRole } from "@/lib/approvals/actor-role";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { getEnvironmentRules } from "@/lib/approvals/get-environment-rules";
import { runPromotion } from "@/lib/approvals/run-promotion";
import { runTransition } from "@/lib/approvals/run-transition";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import type { Actor } from "@/lib/access/actor";
import { approvalNotFound, requireApprovalAccess } from "./require-approval-access";

const MAX_COMMENT_CHARS = 2000;

export interface DecideApprovalInput {
  id: string;
  decision: "approve" | "reject";
  comment?: string | null;
}

export interface DecideApprovalOptions {
  now?: () => Date;
  /** run the registry promotion when this decision approves (default true; the concurrency test turns it off) */
  promote?: boolean;
}

/**
 * An approver approves or rejects. The decision row, the state change and the audit rows commit together
 * (optimistic concurrency on the request's version); when the last needed approval lands, promotion runs after
 * the commit, and a registry failure leaves the request `approved` with the error.
 */
export async function decideApproval(actor: Actor, input: DecideApprovalInput, options: DecideApprovalOptions = {}): Promise<ApprovalRequestDTO> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to do this");
  const found = await db.approvalRequest.findUnique({ where: { id: input.id } });
  if (!found) throw approvalNotFound(input.id);
  await requireApprovalAccess(actor, found, "approval.decide");
  const env = getEnvironmentRules(await getConfig(), found.environment);
  const role = actorRole(actor, found.registry, found.repository) ?? "viewer";
  const now = options.now ?? (() => new Date());
  const comment = input.comment ? input.comment.slice(0, MAX_COMMENT_CHARS) : null;
  const subject = actor.id.startsWith("oidc:") ? actor.id.slice("oidc:".length) : null;
  const repoKey = `${found.registry}/${found.repository}`;
  const canonical = `${repoKey}@${found.digest}`;

  const result = await runTransition({
    requestId: input.id,
    event: input.decision,
    context: (r) => ({
      role,
      actorId: actor.id,
      actorGroups: actor.groups,
      env: { ...env, approvals: r.approvalsRequired },
      now: now(),
      requesterId: r.requesterId,
      pusherId: r.pusherId,
      requestedAt: r.createdAt,
      approvedBy: r.decisions.filter((d) => d.decision === "approve").map((d) => d.approverId),
      decidedBy: r.decisions.map((d) => d.approverId),
    }),
    patch: () => (input.decision === "reject" ? { reason: comment ?? "rejected" } : {}),
    write: async (tx, r) => {
      await tx.approvalDecision.create({
        data: { requestId: r.id, approverId: actor.id, approverName: actor.name, approverGroups: actor.groups, approverSubject: subject, decision: input.decision, comment },
      });
    },
    audit: (r, outcome) => [
      { action: "approval.decision", actorId: actor.id, actorName: actor.name, target: canonical, repository: repoKey, environment: r.environment, details: { requestId: r.id, decision: input.decision, comment, approvals: outcome.approvals ?? null } },
      ...(outcome.to !== r.state
        ? [{ action: "approval.transition" as const, actorId: actor.id, actorName: actor.name, target: canonical, repository: repoKey, environment: r.environment, details: { requestId: r.id, from: r.state, to: outcome.to, event: input.decision } }]
        : []),
    ],
  });
  void deliverWebhook("decision", { requestId: input.id, reference: canonical, environment: found.environment, decision: input.decision, approver: { id: actor.id, name: actor.name }, comment, state: result.outcome.to });
  if (result.outcome.to === "approved" && result.from !== "approved" && options.promote !== false) {
    await runPromotion(input.id, now);
  }
  const fresh = await db.approvalRequest.findUniqueOrThrow({ where: { id: input.id }, include: { decisions: true, promotions: true } });
  return toApprovalDTO(fresh);
}
