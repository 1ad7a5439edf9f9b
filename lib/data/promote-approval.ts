import "server-only";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { runPromotion } from "@/lib/approvals/run-promotion";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/access/actor";
import { approvalNotFound, requireApprovalAccess } from "./require-approval-access";

/** The recovery path: re-runs the registry promotion of an `approved` request whose retag failed earlier. */
export async function promoteApproval(actor: Actor, input: { id: string }): Promise<ApprovalRequestDTO> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to do this");
  const found = await db.approvalRequest.findUnique({ where: { id: input.id } });
  if (!found) throw approvalNotFound(input.id);
  await requireApprovalAccess(actor, found, "approval.decide");
  await runPromotion(input.id);
  return toApprovalDTO(await db.approvalRequest.findUniqueOrThrow({ where: { id: input.id }, include: { decisions: true, promotions: true } }));
}
