import "server-only";
import { hasPermission } from "@/lib/access/has-permission";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { toApiTokenDTO } from "@/lib/tokens/to-api-token-dto";
import type { ApiTokenDTO } from "@/lib/tokens/types";

/** A hard ceiling for one page; nobody has more live tokens than this worth showing at once. */
const MAX_TOKENS_LISTED = 500;

/** The actor's own tokens, or — for `all` — everyone's, which needs `token.manage-all`. Newest first. */
export async function listApiTokens(actor: Actor, options: { all?: boolean } = {}): Promise<ApiTokenDTO[]> {
  await requirePermission(actor, options.all ? "token.manage-all" : "token.manage-own");
  const everyone = options.all && actor.access !== undefined && hasPermission(actor.access, "token.manage-all");
  const rows = await db.apiToken.findMany({
    where: everyone ? {} : { userId: actor.id },
    include: { user: { select: { id: true, name: true } } },
    orderBy: { createdAt: "desc" },
    take: MAX_TOKENS_LISTED,
  });
  const now = new Date();
  return rows.map((r) => toApiTokenDTO(r, now));
}
