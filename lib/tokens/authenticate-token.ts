import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { incrementThrottle, pruneThrottles } from "@/lib/auth/throttle";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { TOKEN_PATTERN } from "./generate-token-secret";
import { hashToken } from "./hash-token";
import { tokenStatus } from "./token-status";

/** lastUsedAt and the `token.use` audit row are written at most once a minute per token (CI polls often). */
const USE_RECORD_INTERVAL_MS = 60_000;
const MINUTE_MS = 60_000;
/** A CI job with a stale token retries a few times; dozens a minute from one address is guessing or a broken loop. */
const DEFAULT_REJECTIONS_PER_MINUTE = 20;

const windowStart = (now: Date) => new Date(Math.floor(now.getTime() / MINUTE_MS) * MINUTE_MS);
/** per source address and wall-clock minute; callers without an address (tests, in-process calls) share one key */
const rejectionKey = (ip: string | null, now: Date) => `token-rejected:${ip ?? "unknown"}:${windowStart(now).getTime()}`;

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
    // One audit row per source and minute (plus one when the count reaches 10, 100 …), not one per attempt: 60 random
    // `kg_` tokens used to write 60 chained rows, each a serialised transaction (red-team finding 5).
    // A source that keeps presenting bad tokens is answered 429 with no audit row for the rest of its minute. The
    // lookup by hash above is one indexed read, so valid tokens from the same address (a CI fleet behind one NAT)
    // keep working; what a flood no longer costs is the serialised audit append.
    const source = rejectionKey(origin.ip, now);
    const limit = (await getConfig()).auth?.rejectedTokensPerMinute ?? DEFAULT_REJECTIONS_PER_MINUTE;
    const count = await incrementThrottle(source, windowStart(now), MINUTE_MS);
    if (count > limit) {
      const retry = Math.ceil((windowStart(now).getTime() + MINUTE_MS - now.getTime()) / 1000);
      throw new AppError("RATE_LIMITED", `Too many rejected API tokens from your address; retry after ${retry} s`);
    }
    if (count === 1) void pruneThrottles(now).catch(() => {});
    if (Number.isInteger(Math.log10(count))) {
      await recordAuditEvent({
        action: "token.rejected",
        actorId: row?.userId ?? null,
        target: row ? `token:${row.id}` : null,
        ...origin,
        details: {
          reason: !row ? "unknown" : row.user.disabled ? "user disabled" : tokenStatus(row, now),
          rejectedThisMinute: count,
          minute: windowStart(now).toISOString(),
        },
      });
    }
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
