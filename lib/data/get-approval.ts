import "server-only";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import { db } from "@/lib/db";
import { canReadRepository } from "./can-read-repository";
import type { Actor } from "@/lib/access/actor";
import { approvalNotFound } from "./require-approval-access";

/** One request with its decisions and promotions; an unreadable repository answers like a missing request. */
export async function getApproval(actor: Actor, input: { id: string }): Promise<ApprovalRequestDTO> {
  const row = await db.approvalRequest.findUnique({ where: { id: input.id }, include: { decisions: true, promotions: true } });
  if (!row || !canReadRepository(actor, row.registry, row.repository)) throw approvalNotFound(input.id);
  return toApprovalDTO(row);
}
