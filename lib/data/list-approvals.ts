import "server-only";
import { hasPermission } from "@/lib/access/has-permission";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import type { ApprovalState } from "@/lib/approvals/types";
import { actorRole } from "@/lib/approvals/actor-role";
import { getEnvironmentRules } from "@/lib/approvals/get-environment-rules";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { canReadRepository } from "./can-read-repository";
import type { Actor } from "@/lib/access/actor";
import type { PageDTO } from "./dto";

const DEFAULT_LIMIT = 50;
/** Rows scanned per call before the visibility filter: bounds one call's work for a viewer who sees little. */
const SCAN_LIMIT = 1000;

export interface ListApprovalsInput {
  state?: ApprovalState;
  environment?: string;
  registry?: string;
  repository?: string;
  /** only requests this actor may decide now (awaiting-approval, not requested by them, not yet decided by them) */
  waitingForMe?: boolean;
  cursor?: string | null;
  limit?: number;
}

/** Approval requests the actor may read, newest first, paged by an opaque offset cursor. */
export async function listApprovals(actor: Actor, input: ListApprovalsInput = {}): Promise<PageDTO<ApprovalRequestDTO>> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to see approvals");
  const limit = Math.min(Math.max(input.limit ?? DEFAULT_LIMIT, 1), 200);
  const offset = input.cursor ? Number.parseInt(input.cursor, 10) : 0;
  if (!Number.isSafeInteger(offset) || offset < 0) throw new AppError("BAD_REQUEST", "invalid cursor");
  const rows = await db.approvalRequest.findMany({
    where: {
      ...(input.waitingForMe ? { state: "awaiting-approval" } : input.state ? { state: input.state } : {}),
      ...(input.environment ? { environment: input.environment } : {}),
      ...(input.registry ? { registry: input.registry } : {}),
      ...(input.repository ? { repository: input.repository } : {}),
    },
    include: { decisions: true, promotions: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: SCAN_LIMIT,
  });
  const config = input.waitingForMe ? await getConfig() : null;
  const groupsAllow = (environment: string): boolean => {
    try {
      const groups = getEnvironmentRules(config!, environment).approverGroups;
      return groups.length === 0 || groups.some((g) => actor.groups.includes(g));
    } catch {
      return false; // an environment removed from config: nobody can decide there now
    }
  };
  const visible = rows.filter((r) => {
    if (!canReadRepository(actor, r.registry, r.repository)) return false;
    if (!input.waitingForMe) return true;
    return (
      r.requesterId !== actor.id &&
      (groupsAllow(r.environment) || actorRole(actor, r.registry, r.repository) === "admin") &&
      !r.decisions.some((d) => d.approverId === actor.id) &&
      hasPermission(actor.access ?? { grants: [] }, "approval.decide", { registry: r.registry, repository: r.repository })
    );
  });
  const items = visible.slice(offset, offset + limit).map(toApprovalDTO);
  return { items, next: offset + limit < visible.length ? String(offset + limit) : null };
}
