import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Actor } from "@/lib/data/dto";
import { db } from "@/lib/db";
import { createTokenInput } from "./create-token-input";
import { generateTokenSecret } from "./generate-token-secret";
import { toApiTokenDTO } from "./to-api-token-dto";
import type { CreatedApiTokenDTO } from "./types";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Creates a token for the signed-in actor. The token only ever narrows its owner's access (evaluated on every
 * use against the owner's current grants), so asking for a wide scope cannot escalate anything.
 */
export async function createApiToken(actor: Actor, rawInput: unknown): Promise<CreatedApiTokenDTO> {
  await requirePermission(actor, "token.manage-own");
  const input = createTokenInput.parse(rawInput);
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
