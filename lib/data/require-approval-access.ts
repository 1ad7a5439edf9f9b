import "server-only";
import type { Permission } from "@/lib/access/types";
import { requirePermission } from "@/lib/auth/require-permission";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/access/actor";

/** The one answer for "no such request" and "a request on a repository you cannot see" (red-team finding 8). */
export function approvalNotFound(id: string): AppError {
  return new AppError("NOT_FOUND", `approval request ${id} not found`);
}

/**
 * requirePermission for an action on an approval request. Its NOT_FOUND would name the repository ("Repository
 * local/demo/x not found"), which tells a caller with a guessed or leaked id where the request lives; here it
 * becomes exactly the answer a missing id gets. The denial is still audited by requirePermission.
 */
export async function requireApprovalAccess(
  actor: Actor,
  request: { id: string; registry: string; repository: string },
  permission: Permission,
): Promise<void> {
  try {
    await requirePermission(actor, permission, { registry: request.registry, repository: request.repository });
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw approvalNotFound(request.id);
    throw e;
  }
}
