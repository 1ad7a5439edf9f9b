import { roleRank } from "@/lib/access/role-rank";
import type { Role } from "@/lib/access/types";
import { IllegalTransition } from "./illegal-transition";
import type { ApprovalEvent, ApprovalState, TransitionContext, TransitionOutcome, WorkflowRole } from "./types";

type Guard = (ctx: TransitionContext, from: ApprovalState, event: ApprovalEvent) => TransitionOutcome;

const SYSTEM_EVENTS = new Set<ApprovalEvent>(["gate-passed", "gate-failed", "promote-succeeded", "promote-failed"]);

function atLeast(role: WorkflowRole, min: Role): boolean {
  return role !== "system" && roleRank(role) >= roleRank(min);
}

const to = (state: ApprovalState): Guard => () => ({ to: state });

const request: Guard = (ctx, from, event) => {
  if (!atLeast(ctx.role, "contributor")) throw new IllegalTransition(from, event, "requesting promotion needs the contributor role", "FORBIDDEN");
  if (ctx.gatePassed !== true) throw new IllegalTransition(from, event, `the ${ctx.env.name} policy gate has not passed`);
  return { to: "awaiting-approval" };
};

/** Shared checks for approve and reject: who may decide, once, and never on their own request. */
function assertMayDecide(ctx: TransitionContext, from: ApprovalState, event: ApprovalEvent): void {
  if (!atLeast(ctx.role, "approver")) throw new IllegalTransition(from, event, "deciding needs the approver role", "FORBIDDEN");
  const groups = ctx.env.approverGroups;
  if (ctx.role !== "admin" && groups.length > 0 && !groups.some((g) => ctx.actorGroups.includes(g))) {
    throw new IllegalTransition(from, event, `approvers for ${ctx.env.name} must be in ${groups.join(" or ")}`, "FORBIDDEN");
  }
  if (ctx.env.distinctApprover && ctx.actorId === ctx.requesterId) {
    throw new IllegalTransition(from, event, "you requested this promotion; someone else must decide (no self-approval)", "FORBIDDEN");
  }
  if (ctx.env.distinctApprover && ctx.pusherId && ctx.actorId === ctx.pusherId) {
    throw new IllegalTransition(from, event, "you pushed this version; someone else must decide (no self-approval)", "FORBIDDEN");
  }
  if (ctx.decidedBy?.includes(ctx.actorId)) throw new IllegalTransition(from, event, "you already decided on this request");
}

const approve: Guard = (ctx, from, event) => {
  assertMayDecide(ctx, from, event);
  if (ctx.env.waitMinutes > 0) {
    const opensAt = new Date((ctx.requestedAt ?? ctx.now).getTime() + ctx.env.waitMinutes * 60_000);
    if (ctx.now < opensAt) throw new IllegalTransition(from, event, `the wait timer runs until ${opensAt.toISOString()}`);
  }
  const approvals = new Set([...(ctx.approvedBy ?? []), ctx.actorId]).size;
  return { to: approvals >= ctx.env.approvals ? "approved" : "awaiting-approval", approvals };
};

const reject: Guard = (ctx, from, event) => {
  assertMayDecide(ctx, from, event);
  return { to: "rejected" };
};

const revoke: Guard = (ctx, from, event) => {
  if (!atLeast(ctx.role, "approver")) throw new IllegalTransition(from, event, "revoking needs the approver or admin role", "FORBIDDEN");
  return { to: "revoked" };
};

/**
 * The whole state machine: state → event → guard. A missing entry is an illegal move. Pre-request states
 * (quarantined, scan-passed) are computed per digest from the gate; requests start at awaiting-approval.
 */
const TABLE: Record<ApprovalState, Partial<Record<ApprovalEvent, Guard>>> = {
  quarantined: { "gate-passed": to("scan-passed"), "gate-failed": to("quarantined"), request },
  "scan-passed": { "gate-passed": to("scan-passed"), "gate-failed": to("quarantined"), request },
  "awaiting-approval": { approve, reject, revoke, "gate-failed": to("quarantined") },
  approved: { "promote-succeeded": to("promoted"), "promote-failed": to("approved"), revoke },
  promoted: { revoke },
  rejected: {},
  revoked: {},
};

const WHY_NOT: Partial<Record<ApprovalState, string>> = {
  rejected: "the request was rejected; request promotion again",
  revoked: "the approval was revoked; request promotion again",
  promoted: "the version is already promoted",
};

/** Applies one event, or throws IllegalTransition with the reason. Pure: same input, same answer. */
export function transition(from: ApprovalState, event: ApprovalEvent, ctx: TransitionContext): TransitionOutcome {
  const guard = TABLE[from][event];
  if (!guard) throw new IllegalTransition(from, event, WHY_NOT[from] ?? `${event} is not possible while ${from}`);
  if (SYSTEM_EVENTS.has(event) && ctx.role !== "system") {
    throw new IllegalTransition(from, event, "only Kitgate itself records gate and registry outcomes", "FORBIDDEN");
  }
  return guard(ctx, from, event);
}
