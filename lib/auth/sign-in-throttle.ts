import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearThrottle, lockedUntil, recordThrottleFailure, type ThrottlePolicy } from "./throttle";

const MINUTE = 60_000;
/** 5 wrong passwords for one account within 15 min lock it for 1 min, then 2, 4 … up to 30 min (red-team finding 6). */
export const ACCOUNT_THROTTLE: ThrottlePolicy = { max: 5, windowMs: 15 * MINUTE, lockMs: MINUTE, maxLockMs: 30 * MINUTE, forgetMs: 24 * 60 * MINUTE };
/** One address spraying many accounts: 20 failures within 10 min lock it for 5 min, then 10 … up to 1 h. */
export const CLIENT_THROTTLE: ThrottlePolicy = { max: 20, windowMs: 10 * MINUTE, lockMs: 5 * MINUTE, maxLockMs: 60 * MINUTE, forgetMs: 24 * 60 * MINUTE };

/** The error next-auth passes to the sign-in page as `?error=`; the page turns it into "try again in N minutes". */
export const LOCKED_OUT_ERROR = /^LockedOut-(\d+)$/;

const accountKey = (username: string) => `signin:account:${username}`;
const clientKey = (ip: string) => `signin:client:${ip}`;

export class SignInLockedOut extends Error {
  constructor(readonly until: Date, now: Date) {
    // next-auth v4 puts a thrown authorize() error's message into the redirect as `error=`
    super(`LockedOut-${Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000))}`);
    this.name = "SignInLockedOut";
  }
}

/**
 * Refuses a local sign-in while its account or its client address is locked out, before the password is looked
 * at (so a locked account cannot be probed). Unknown usernames are counted like real ones: the answer never
 * says whether an account exists.
 */
export async function assertSignInAllowed(username: string, ip: string | null, now = new Date()): Promise<void> {
  const locks = await Promise.all([lockedUntil(accountKey(username), now), ip ? lockedUntil(clientKey(ip), now) : null]);
  const until = locks.filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) throw new SignInLockedOut(until, now);
}

/** Counts a wrong password for the account and the client; a lockout that starts now is audited once. */
export async function recordSignInFailure(username: string, ip: string | null, userAgent: string | null, now = new Date()): Promise<void> {
  const targets: [string, string, ThrottlePolicy][] = [["account", accountKey(username), ACCOUNT_THROTTLE]];
  if (ip) targets.push(["client", clientKey(ip), CLIENT_THROTTLE]);
  for (const [scope, key, policy] of targets) {
    const outcome = await recordThrottleFailure(key, policy, now);
    if (outcome.lockedUntil) {
      await recordAuditEvent({
        action: "auth.locked-out",
        actorName: username || null,
        ip,
        userAgent,
        details: { scope, failures: outcome.count, lockouts: outcome.lockouts, until: outcome.lockedUntil.toISOString(), ...(scope === "client" ? { client: ip } : {}) },
      });
    }
  }
}

export async function recordSignInSuccess(username: string): Promise<void> {
  await clearThrottle(accountKey(username));
}
