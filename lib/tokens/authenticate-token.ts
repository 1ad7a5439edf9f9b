import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { TOKEN_PATTERN } from "./generate-token-secret";
import { hashToken } from "./hash-token";
import { tokenStatus } from "./token-status";

/** lastUsedAt and the `token.use` audit row are written at most once a minute per token (CI polls often). */
const USE_RECORD_INTERVAL_MS = 60_000;

export interface AuthenticatedToken {
  id: string;
  name: string;
  scopes: string[];
  permissions: string[];
  user: { id: string; name: string; groups: unknown; disabled: boolean; provider: string; username: string };
}

/**
 * Looks a bearer secret up by its hash. Unknown, malformed, expired or revoked tokens and tokens of disabled
 * users all fail with the same UNAUTHENTICATED message so a caller learns nothing about which it was.
 */
export async function authenticateToken(
  secret: string,
  origin: { ip: string | null; userAgent: string | null },
): Promise<AuthenticatedToken> {
  const now = new Date();
  const row = TOKEN_PATTERN.test(secret)
    ? await db.apiToken.findUnique({
        where: { hash: hashToken(secret) },
        include: { user: { select: { id: true, name: true, groups: true, disabled: true, provider: true, username: true } } },
      })
    : null;
  if (!row || tokenStatus(row, now) !== "active" || row.user.disabled) {
    await recordAuditEvent({
      action: "token.rejected",
      actorId: row?.userId ?? null,
      target: row ? `token:${row.id}` : null,
      ...origin,
      details: { reason: !row ? "unknown" : row.user.disabled ? "user disabled" : tokenStatus(row, now) },
    });
    throw new AppError("UNAUTHENTICATED", "Invalid, expired or revoked API token");
  }
  const { count } = await db.apiToken.updateMany({
    where: {
      id: row.id,
      OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - USE_RECORD_INTERVAL_MS) } }],
    },
    data: { lastUsedAt: now },
  });
  if (count === 1) {
    await recordAuditEvent({ action: "token.use", actorId: row.user.id, actorName: row.user.name, target: `token:${row.id}`, ...origin });
  }
  return {
    id: row.id,
    name: row.name,
    scopes: asStrings(row.scopes),
    permissions: asStrings(row.permissions),
    user: row.user,
  };
}

function asStrings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}
