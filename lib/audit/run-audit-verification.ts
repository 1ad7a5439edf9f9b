import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { sealSoon } from "./audit-chainer";
import { checkpointSoon } from "./checkpoint/checkpoint-trigger";
import { checkpointContext, type CheckpointContext } from "./checkpoint/checkpoint-sources";
import { recordAuditEvent } from "./record-audit-event";
import { isPostgres } from "./seal-audit-rows";
import type { ChainBreakReason, ChainVerification } from "./types";
import { verifyStoredAuditChain } from "./verify-stored-audit-chain";

const DEFAULT_FULL_EVERY_MINUTES = 60;
/**
 * The most rows an incremental verification (a page view, the API, an evidence pack) re-hashes. Normally the tail
 * after the newest checkpoint is far shorter (one is signed every `everyRows`); this bounds a view when checkpoints
 * stopped being signed or there is no signing key, instead of walking the whole chain per view.
 */
export const MAX_ROWS_PER_VIEW = 10_000;

let fullRunning: Promise<ChainVerification> | null = null;

/**
 * Verification as the server runs it: seal committed rows first (so they are judged, not reported as strays), verify
 * with the audit key's MACs and every checkpoint store, then sign a new checkpoint at the verified head in the
 * background, so the next verification starts from here. `incremental` answers page views, the API and evidence
 * packs; it carries the last full verification recorded in the chain and starts a new one in the background when
 * that is older than `audit.fullVerificationEveryMinutes`. `record` appends the result as an `audit.verified` row.
 */
export async function runAuditVerification(opts: {
  mode: "full" | "incremental";
  record?: boolean;
  /** sign a checkpoint and start a stale full verification in the background (default); scripts do it themselves */
  background?: boolean;
}): Promise<ChainVerification> {
  const background = opts.background !== false;
  let ctx: CheckpointContext | null = null;
  const warnings: string[] = [];
  try {
    ctx = await checkpointContext();
  } catch (error) {
    warnings.push(`checkpoints unavailable: ${(error as Error).message}`);
  }
  if (isPostgres && ctx?.key) await sealSoon().catch(() => undefined);
  const result = await verifyStoredAuditChain({
    mode: opts.mode,
    ...(opts.mode === "incremental" ? { maxRows: MAX_ROWS_PER_VIEW } : {}),
    checkpoints: ctx,
    ...(ctx?.key ? { macKeys: new Map([[ctx.key.keyId, ctx.key.macKey]]) } : {}),
  });
  result.warnings = [...warnings, ...(result.warnings ?? [])];
  if (!ctx?.key) result.warnings.push("no trust.signingKey: rows carry no MAC and no checkpoint is signed, so a rewrite by someone with database access cannot be detected");
  if (background && result.ok && ctx?.key && result.head && (!result.checkpoint || result.head.seq > result.checkpoint.seq)) void checkpointSoon();
  if (opts.record) await recordVerification(result);
  if (opts.mode === "incremental") {
    result.lastFull = await lastFullVerification();
    const everyMinutes = (await getConfig().catch(() => null))?.audit?.fullVerificationEveryMinutes ?? DEFAULT_FULL_EVERY_MINUTES;
    const stale = !result.lastFull || Date.now() - Date.parse(result.lastFull.at) > everyMinutes * 60_000;
    if (background && stale && result.mode === "incremental") void fullVerificationSoon();
  }
  return result;
}

/** A full verification in the background (one per process at a time), recorded in the chain. */
export function fullVerificationSoon(): Promise<ChainVerification> {
  fullRunning ??= runAuditVerification({ mode: "full", record: true }).finally(() => (fullRunning = null));
  return fullRunning;
}

async function recordVerification(result: ChainVerification): Promise<void> {
  await recordAuditEvent({
    action: "audit.verified",
    actorId: "system:kitgate",
    actorName: "Kitgate",
    details: {
      mode: result.mode ?? "full",
      ok: result.ok,
      checked: result.checked,
      head: result.head?.seq ?? null,
      checkpoint: result.checkpoint?.seq ?? null,
      firstBroken: result.firstBroken ? { seq: result.firstBroken.seq, reason: result.firstBroken.reason } : null,
      durationMs: result.durationMs ?? null,
    },
  });
}

/** The newest `audit.verified` row of a full verification. Rows are only as trustworthy as the chain they are in. */
async function lastFullVerification(): Promise<ChainVerification["lastFull"]> {
  const rows = await db.auditEvent.findMany({ where: { action: "audit.verified" }, orderBy: { at: "desc" }, take: 10, select: { at: true, details: true } });
  for (const r of rows) {
    const d = (r.details ?? {}) as { mode?: string; ok?: boolean; checked?: number; firstBroken?: { seq: number | null; reason: ChainBreakReason } | null };
    if (d.mode !== "full") continue;
    return { at: r.at.toISOString(), ok: d.ok === true, checked: Number(d.checked ?? 0), firstBroken: d.firstBroken ?? null };
  }
  return null;
}
