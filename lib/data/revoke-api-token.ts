import "server-only";
import { hasPermission } from "@/lib/access/has-permission";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Revokes a token the actor owns (or any token, with `token.manage-all`). Someone else's token answers like a
 * missing one. Revoking twice is a no-op that keeps the first revocation time.
 */
export async function revokeApiToken(actor: Actor, id: string): Promise<void> {
  await requirePermission(actor, "token.manage-own");
  const mayRevokeAny = actor.access !== undefined && hasPermission(actor.access, "token.manage-all");
  const row = await db.apiToken.findUnique({ where: { id }, select: { id: true, userId: true, revokedAt: true, name: true } });
  if (!row || (row.userId !== actor.id && !mayRevokeAny)) throw new AppError("NOT_FOUND", "Token not found");
  if (row.revokedAt) return;
  await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: new Date() } });
  await recordAuditEvent({
    action: "token.revoke",
    actorId: actor.id,
    actorName: actor.name,
    target: `token:${id}`,
    details: { name: row.name, owner: row.userId },
  });
}
