import "server-only";
import { db } from "@/lib/db";
import { getAuditKey } from "./audit-key";
import { noteAuditAppends } from "./checkpoint/checkpoint-trigger";
import { lockChain, sealPendingRows, type SealResult } from "./seal-audit-rows";
import { logger } from "@/lib/observability/logger";

/** Rows sealed per transaction: long enough to amortise the lock, short enough that the chain advances visibly. */
const MAX_ROWS_PER_TX = 5_000;
/** Appenders queue behind the chain lock in bursts; a pass waits for its turn rather than failing. */
const SEAL_TX = { maxWait: 60_000, timeout: 30_000 } as const;
/**
 * After an append inside a caller's transaction the chainer cannot know when that transaction commits, so it looks
 * again at these delays (ms). Any later append, verification or checkpoint also seals, and so does the next process.
 */
const FOLLOW_UP_DELAYS = [10, 50, 250, 1_000, 5_000, 30_000];
/** Forged rows this process has already refused: not re-read on every pass (bounded; verification reports them). */
const MAX_REMEMBERED_REFUSALS = 1_000;

const refused = new Set<string>();
let running: Promise<Map<string, { seq: number; hash: string }>> | null = null;
let queued: Promise<Map<string, { seq: number; hash: string }>> | null = null;
let followUp: { timer: NodeJS.Timeout; step: number } | null = null;

/**
 * Runs one sealing pass that starts after this call (so every row committed before the call is sealed when it
 * resolves, unless its MAC is refused). Concurrent callers share passes: at most one runs and one waits per process;
 * across processes the chain lock orders them. Resolves to the place of each row this pass sealed, by id.
 */
export function sealSoon(): Promise<Map<string, { seq: number; hash: string }>> {
  if (!running) {
    running = sealPass().finally(() => (running = null));
    return running;
  }
  queued ??= running.then(
    () => undefined,
    () => undefined,
  ).then(() => {
    queued = null;
    return sealSoon();
  });
  return queued;
}

/**
 * After an unsealed append: seal shortly after it has (probably) committed, and look again a few times in case its
 * transaction commits late. A burst of appends shares the first timer (it is not pushed back by each append).
 */
export function sealAfterCommit(): void {
  if (followUp?.step === 0) return;
  if (followUp) clearTimeout(followUp.timer);
  schedule(0);
}

function schedule(step: number): void {
  if (step >= FOLLOW_UP_DELAYS.length) {
    followUp = null;
    return;
  }
  const timer = setTimeout(() => {
    sealSoon().then(
      () => schedule(step + 1),
      (error: unknown) => {
        logger.error({ err: error }, "audit: sealing failed");
        schedule(step + 1);
      },
    );
  }, FOLLOW_UP_DELAYS[step]);
  timer.unref();
  followUp = { timer, step };
}

async function sealPass(): Promise<Map<string, { seq: number; hash: string }>> {
  const sealed = new Map<string, { seq: number; hash: string }>();
  const key = await getAuditKey().catch(() => null);
  if (!key) return sealed;
  const keys = new Map([[key.keyId, key.macKey]]);
  for (;;) {
    const exclude = [...refused];
    // A cheap probe outside the lock: most passes (the waiters of a burst) find nothing left to do.
    const pending = await db.auditEvent.findFirst({
      where: { seq: null, mac: { not: null }, ...(exclude.length ? { id: { notIn: exclude } } : {}) },
      select: { id: true },
    });
    if (!pending) return sealed;
    const result: SealResult = await db.$transaction(async (tx) => {
      await lockChain(tx);
      return sealPendingRows(tx, keys, MAX_ROWS_PER_TX, exclude);
    }, SEAL_TX);
    for (const s of result.sealed) sealed.set(s.id, { seq: s.seq, hash: s.hash });
    for (const s of result.skipped) {
      if (refused.has(s.id)) continue;
      // another replica's key (during a key rotation): that replica seals it; not an alarm
      if (s.why !== "unknown-key") logger.error({ auditRow: s.id }, "audit: row is not sealed: its MAC does not verify (inserted or edited outside Kitgate)");
      if (refused.size < MAX_REMEMBERED_REFUSALS) refused.add(s.id);
    }
    if (result.sealed.length > 0) noteAuditAppends(result.sealed.length);
    if (result.sealed.length < MAX_ROWS_PER_TX) return sealed;
  }
}
