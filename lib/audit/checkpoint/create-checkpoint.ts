import "server-only";
import { db } from "@/lib/db";
import { sealSoon } from "../audit-chainer";
import type { AuditTx } from "../audit-tx";
import { hashAuditRow } from "../hash-audit-row";
import { isPostgres, readChainHead } from "../seal-audit-rows";
import { walkStoredRows } from "../walk-stored-rows";
import { GENESIS_HASH } from "../types";
import { appendCheckpointLine } from "./checkpoint-file";
import { pushCheckpoint } from "./checkpoint-registry";
import { checkpointContext, findLatestCheckpoint, type CheckpointContext } from "./checkpoint-sources";
import { CHECKPOINT_TYPE, openCheckpoint, signCheckpoint, type SignedCheckpoint } from "./checkpoint-statement";
import { logger } from "@/lib/observability/logger";

/** Any constant works: it names the PostgreSQL advisory lock that lets one process at a time sign and publish. */
const PG_CHECKPOINT_LOCK_KEY = 727_100_002;
/** Signing waits for the verification of the rows since the last checkpoint and for the publication (a registry push). */
const CHECKPOINT_TX = { maxWait: 120_000, timeout: 300_000 } as const;
/** Older unpublished checkpoints published per run, oldest first (after an outage of the file system or registry). */
const MAX_BACKLOG = 100;

export interface CheckpointOutcome {
  checkpoint: SignedCheckpoint | null;
  /** why nothing was signed (no key, nothing new, chain broken…) */
  skipped?: string;
  /** where it (and any backlog) was published */
  published: string[];
  warnings: string[];
}

let sqliteQueue: Promise<unknown> = Promise.resolve();

/** One checkpoint writer at a time: the PostgreSQL advisory lock across processes; a promise queue on SQLite (one replica). */
async function withCheckpointLock<T>(fn: (client: AuditTx) => Promise<T>): Promise<T> {
  if (isPostgres) {
    return db.$transaction(async (tx) => {
      await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${PG_CHECKPOINT_LOCK_KEY})`);
      return fn(tx);
    }, CHECKPOINT_TX);
  }
  const run = sqliteQueue.then(() => fn(db));
  sqliteQueue = run.catch(() => undefined);
  return run;
}

/**
 * Signs a checkpoint at the chain's head and publishes it: AuditCheckpoint row, then the file, then the registry.
 * Before signing, the rows since the previous checkpoint are verified (hashes, links, MACs) and the previous
 * checkpoint's row must still hash to what it sealed — Kitgate never signs a chain that was tampered with.
 */
export async function createCheckpoint(context?: CheckpointContext): Promise<CheckpointOutcome> {
  const ctx = context ?? (await checkpointContext());
  const out: CheckpointOutcome = { checkpoint: null, published: [], warnings: [] };
  const key = ctx.key;
  if (!key) return { ...out, skipped: "no trust.signingKey is configured: checkpoints cannot be signed" };
  if (isPostgres) await sealSoon();
  return withCheckpointLock(async (client) => {
    const latest = await findLatestCheckpoint(ctx, client);
    out.warnings.push(...latest.warnings);
    await publishBacklog(ctx, client, out);
    const best = latest.best;
    if (best && !best.sources.includes("database")) await importCheckpoint(client, best);
    const head = await readChainHead(client);
    if (best && (head?.seq ?? 0) < best.seq) return refuse(out, `the chain ends at seq ${head?.seq ?? 0} but checkpoint #${best.seq} sealed it up to ${best.seq}`);
    if (!head) return { ...out, skipped: "the audit chain is empty" };
    if (best && head.seq === best.seq && head.hash === best.hash) return { ...out, skipped: `nothing new since checkpoint #${best.seq}` };

    const macKeys = new Map([[key.keyId, key.macKey]]);
    let anchor = { seq: 0, hash: GENESIS_HASH };
    if (best) {
      const row = await client.auditEvent.findUnique({ where: { seq: best.seq } });
      if (!row || row.hash !== best.hash || hashAuditRow({ ...row, details: row.details ?? null }) !== best.hash) {
        return refuse(out, `row ${best.seq} no longer matches checkpoint #${best.seq}`);
      }
      anchor = { seq: best.seq, hash: best.hash };
    }
    const walk = await walkStoredRows(client, anchor, { macKeys, toSeq: head.seq });
    if (!walk.ok) return refuse(out, `row ${walk.firstBroken!.seq} breaks the chain (${walk.firstBroken!.reason})`);
    const first = await client.auditEvent.findUnique({ where: { seq: 1 }, select: { hash: true } });
    const cp = signCheckpoint(
      {
        _type: CHECKPOINT_TYPE,
        chain: first?.hash ?? head.hash,
        seq: head.seq,
        hash: head.hash,
        previous: best ? { seq: best.seq, hash: best.hash, digest: best.digest } : null,
        time: new Date().toISOString(),
      },
      { keyId: key.keyId, key: key.signer.key },
    );
    await client.auditCheckpoint.create({
      data: { seq: cp.seq, hash: cp.hash, fromSeq: anchor.seq + 1, digest: cp.digest, envelope: cp.envelope, keyId: cp.keyId },
    });
    out.checkpoint = cp;
    await publish(ctx, client, cp, out);
    return out;
  });
}

function refuse(out: CheckpointOutcome, why: string): CheckpointOutcome {
  logger.error({ why }, "audit: checkpoint NOT signed; run npm run audit:verify -- --full");
  return { ...out, skipped: `not signed: ${why}` };
}

/** A valid checkpoint found only outside the database (its row was deleted, or a crash came before the insert). */
async function importCheckpoint(client: AuditTx, cp: SignedCheckpoint): Promise<void> {
  await client.auditCheckpoint.deleteMany({ where: { seq: cp.seq } });
  await client.auditCheckpoint.create({
    data: { seq: cp.seq, hash: cp.hash, fromSeq: (cp.previous?.seq ?? 0) + 1, digest: cp.digest, envelope: cp.envelope, keyId: cp.keyId, fileAt: new Date() },
  });
}

async function publish(
  ctx: CheckpointContext,
  client: AuditTx,
  cp: SignedCheckpoint,
  out: CheckpointOutcome,
  to: { file: boolean; registry: boolean } = { file: true, registry: true },
): Promise<void> {
  if (ctx.file && to.file) {
    try {
      await appendCheckpointLine(ctx.file, cp);
      await client.auditCheckpoint.update({ where: { seq: cp.seq }, data: { fileAt: new Date() } });
      out.published.push(`file:${cp.seq}`);
    } catch (error) {
      out.warnings.push(`checkpoint #${cp.seq} not written to ${ctx.file}: ${(error as Error).message}`);
    }
  }
  if (ctx.repository && ctx.config && to.registry) {
    try {
      const ref = await pushCheckpoint(ctx.config, ctx.repository, cp);
      await client.auditCheckpoint.update({ where: { seq: cp.seq }, data: { registryRef: ref } });
      out.published.push(`registry:${cp.seq}`);
    } catch (error) {
      out.warnings.push(`checkpoint #${cp.seq} not pushed to ${ctx.repository}: ${(error as Error).message}`);
    }
  }
  for (const w of out.warnings) logger.warn({ warning: w }, "audit: checkpoint");
}

/** Checkpoints signed earlier whose publication failed are published first, oldest first, so the external log has no holes. */
async function publishBacklog(ctx: CheckpointContext, client: AuditTx, out: CheckpointOutcome): Promise<void> {
  if (!ctx.file && !ctx.repository) return;
  const pending = await client.auditCheckpoint.findMany({
    where: { OR: [...(ctx.file ? [{ fileAt: null }] : []), ...(ctx.repository ? [{ registryRef: null }] : [])] },
    orderBy: { seq: "asc" },
    take: MAX_BACKLOG,
  });
  for (const row of pending) {
    const opened = openCheckpoint(row.envelope, ctx.verifyKeys);
    if (!opened.ok) continue;
    const cp = opened.checkpoint;
    const one: CheckpointOutcome = { checkpoint: cp, published: [], warnings: [] };
    await publish(ctx, client, cp, one, { file: !row.fileAt, registry: !row.registryRef });
    out.published.push(...one.published);
    out.warnings.push(...one.warnings);
  }
}
