import "server-only";
import { hasPermission } from "@/lib/access/has-permission";
import type { AccessTarget, Permission } from "@/lib/access/types";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import type { Actor } from "@/lib/access/actor";
import { AppError } from "@/lib/errors";

/**
 * Guard for every mutation and admin read. Anonymous callers get UNAUTHENTICATED (sign in first). On a
 * repository the actor cannot even read, the answer is NOT_FOUND — the same as for a missing repository, so
 * names do not leak; otherwise FORBIDDEN. Every denial is audited.
 */
export async function requirePermission(actor: Actor, permission: Permission, target?: AccessTarget): Promise<void> {
  const access = actor.access ?? { grants: [] };
  if (hasPermission(access, permission, target)) return;
  const where = target ? `${target.registry}/${target.repository ?? ""}` : null;
  await recordAuditEvent({
    action: "access.denied",
    actorId: actor.id,
    actorName: actor.name,
    target: where,
    details: { permission, actorKind: actor.kind },
  });
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to do this");
  if (target && !hasPermission(access, "repository.read", target)) {
    throw new AppError("NOT_FOUND", `Repository ${where} not found`);
  }
  throw new AppError("FORBIDDEN", `You do not have the ${permission} permission here`);
}
