import "server-only";
import { scopeWithin } from "@/lib/access/scope-matches";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createTokenInput } from "@/lib/tokens/create-token-input";
import { generateTokenSecret } from "@/lib/tokens/generate-token-secret";
import { toApiTokenDTO } from "@/lib/tokens/to-api-token-dto";
import type { CreatedApiTokenDTO } from "@/lib/tokens/types";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a token for the signed-in actor. Each scope must lie inside one of the owner's grants now, and on every
 * use the token is evaluated against the owner's *current* grants too, so it never reaches more than its owner.
 */
export async function createApiToken(actor: Actor, rawInput: unknown): Promise<CreatedApiTokenDTO> {
  await requirePermission(actor, "token.manage-own");
  const input = createTokenInput.parse(rawInput);
  // A scope wider than the owner's grants would be narrowed at use anyway (hasPermission intersects both), but
  // refusing it here tells the user what the token will really reach (red-team finding 2).
  const grants = actor.access?.grants ?? [];
  const outside = input.scopes.filter((s) => !grants.some((g) => scopeWithin(s, g.scope)));
  if (outside.length > 0) {
    throw new AppError("UNPROCESSABLE", `scope ${outside.map((s) => `"${s}"`).join(", ")} is wider than your access (${[...new Set(grants.map((g) => g.scope))].join(", ") || "none"})`, {
      details: { scopes: outside },
    });
  }
  const { secret, prefix, hash } = generateTokenSecret();
  const now = new Date();
  const row = await db.apiToken.create({
    data: {
      userId: actor.id,
      name: input.name,
      prefix,
      hash,
      scopes: input.scopes,
      permissions: input.permissions,
      expiresAt: new Date(now.getTime() + input.expiresInDays * DAY_MS),
    },
    include: { user: { select: { id: true, name: true } } },
  });
  await recordAuditEvent({
    action: "token.create",
    actorId: actor.id,
    actorName: actor.name,
    target: `token:${row.id}`,
    details: { name: input.name, scopes: input.scopes, permissions: input.permissions, expiresAt: row.expiresAt.toISOString() },
  });
  return { token: secret, info: toApiTokenDTO(row, now) };
}
