import "server-only";
import { db } from "@/lib/db";

/** A counter with a window and an escalating lockout; every step is one atomic SQL statement, so replicas agree. */
export interface ThrottlePolicy {
  /** events in one window that trigger a lockout */
  max: number;
  windowMs: number;
  /** first lockout; each further one doubles, up to maxLockMs */
  lockMs: number;
  maxLockMs: number;
  /** lockouts are forgotten this long after the last one ended */
  forgetMs: number;
}

export interface FailureOutcome {
  count: number;
  /** set when this failure started a lockout (exactly one replica sees it: the one whose update locked) */
  lockedUntil: Date | null;
  lockouts: number;
}

const isUniqueViolation = (e: unknown) => (e as { code?: string }).code === "P2002";

/** Adds one event to `key` and returns the new count (creating the row on first use, race-safe). */
export async function incrementThrottle(key: string, now: Date, windowMs: number): Promise<number> {
  await db.throttle.updateMany({ where: { key, windowStart: { lt: new Date(now.getTime() - windowMs) } }, data: { count: 0, windowStart: now } });
  for (let attempt = 0; ; attempt++) {
    const { count } = await db.throttle.updateMany({ where: { key }, data: { count: { increment: 1 } } });
    if (count === 0) {
      try {
        await db.throttle.create({ data: { key, count: 1, windowStart: now } });
        return 1;
      } catch (e) {
        if (!isUniqueViolation(e) || attempt > 2) throw e; // another replica created it first: increment that row
        continue;
      }
    }
    const row = await db.throttle.findUnique({ where: { key }, select: { count: true } });
    return row?.count ?? 1;
  }
}

/** The end of the current lockout of `key`, or null. */
export async function lockedUntil(key: string, now: Date): Promise<Date | null> {
  const row = await db.throttle.findUnique({ where: { key }, select: { lockedUntil: true } });
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null;
}

/**
 * Records a failure; at `policy.max` failures in the window the key is locked for `lockMs · 2^(lockouts-1)` (capped).
 * The lock is taken by a conditional update (`count >= max`), so concurrent failures on two replicas lock once.
 */
export async function recordThrottleFailure(key: string, policy: ThrottlePolicy, now: Date): Promise<FailureOutcome> {
  await db.throttle.updateMany({
    where: { key, lockedUntil: { lt: new Date(now.getTime() - policy.forgetMs) } },
    data: { lockouts: 0, lockedUntil: null },
  });
  const count = await incrementThrottle(key, now, policy.windowMs);
  if (count < policy.max) return { count, lockedUntil: null, lockouts: 0 };
  const row = await db.throttle.findUnique({ where: { key }, select: { lockouts: true } });
  const lockouts = (row?.lockouts ?? 0) + 1;
  const until = new Date(now.getTime() + Math.min(policy.lockMs * 2 ** (lockouts - 1), policy.maxLockMs));
  const locked = await db.throttle.updateMany({
    where: { key, count: { gte: policy.max } },
    data: { count: 0, windowStart: now, lockouts: { increment: 1 }, lockedUntil: until },
  });
  return { count, lockedUntil: locked.count === 1 ? until : null, lockouts };
}

/** A success ends the streak: failures and the backoff history of `key` start over. */
export async function clearThrottle(key: string): Promise<void> {
  await db.throttle.updateMany({ where: { key }, data: { count: 0, lockouts: 0, lockedUntil: null } });
}

/** Drops counters nobody has touched for a day (called now and then; rows are tiny, this only keeps the table short). */
export async function pruneThrottles(now: Date): Promise<void> {
  const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000);
  await db.throttle.deleteMany({ where: { windowStart: { lt: dayAgo }, OR: [{ lockedUntil: null }, { lockedUntil: { lt: dayAgo } }] } });
}
