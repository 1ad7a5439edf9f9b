import "server-only";
import { env } from "@/lib/env";
import type { AuditTx } from "./audit-tx";
import { hashAuditRow } from "./hash-audit-row";
import { checkAuditRowMac, type MacKeys } from "./mac-audit-row";
import { GENESIS_HASH } from "./types";

/** Any constant works: it names the one PostgreSQL advisory lock under which rows are sealed into the chain. */
const PG_CHAIN_LOCK_KEY = 727_100_001;
/** Unsealed rows read per query while sealing. */
const SEAL_BATCH_ROWS = 500;

export const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL);

type AuditEventRow = Awaited<ReturnType<AuditTx["auditEvent"]["findFirstOrThrow"]>>;

export interface ChainHead {
  seq: number;
  hash: string;
}

export interface SealResult {
  sealed: { id: string; seq: number; hash: string }[];
  /** unsealed rows left out: their MAC does not verify (`mismatch`, `none`) or was made with a key not loaded here */
  skipped: { id: string; why: "mismatch" | "none" | "unknown-key" }[];
  head: ChainHead | null;
}

/**
 * Serialises sealing until `tx` ends. On PostgreSQL a transaction-scoped advisory lock (so a caller's own
 * transaction never hits a unique-violation abort); on SQLite the write transaction is already exclusive. The
 * unique index on seq stays the last line of defence: a race becomes an error, never a fork.
 */
export async function lockChain(tx: AuditTx): Promise<void> {
  // the function returns void, which the pg adapter cannot deserialise; select a constant from it instead
  if (isPostgres) await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${PG_CHAIN_LOCK_KEY})`);
}

export async function readChainHead(tx: AuditTx): Promise<ChainHead | null> {
  const last = await tx.auditEvent.findFirst({ where: { seq: { not: null } }, orderBy: { seq: "desc" }, select: { seq: true, hash: true } });
  return last ? { seq: last.seq!, hash: last.hash! } : null;
}

/**
 * Rows written before the chain existed (no seq, no MAC) are chained in time order — but only while no chained row
 * exists: once the chain has started, such a row can only have been inserted behind the app's back, so it is left for
 * verification to report instead of being laundered into the chain. Call with the chain locked and empty.
 */
export async function chainLegacyRows(tx: AuditTx): Promise<ChainHead | null> {
  const legacy = await tx.auditEvent.findMany({ where: { seq: null, mac: null }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  let head: ChainHead | null = null;
  for (const r of legacy) {
    const seq: number = (head?.seq ?? 0) + 1;
    const prevHash = head?.hash ?? GENESIS_HASH;
    const hash = hashAuditRow({ ...r, seq, prevHash, details: r.details ?? null });
    await tx.auditEvent.update({ where: { id: r.id }, data: { seq, prevHash, hash } });
    head = { seq, hash };
  }
  return head;
}

/**
 * The chainer: seals committed unsealed rows into the chain, oldest first (`at`, then id), up to `maxRows`. Call with
 * the chain locked. A row is sealed only if its MAC verifies with a key held here — that is what keeps a row inserted
 * with raw SQL out of the chain. The chain order is the order of sealing: a transaction that commits late gets a
 * later seq than its `at` suggests, which is why the audit page orders by seq and shows `at` as the event time.
 */
export async function sealPendingRows(tx: AuditTx, keys: MacKeys, maxRows: number, exclude: readonly string[] = []): Promise<SealResult> {
  let head = (await readChainHead(tx)) ?? (await chainLegacyRows(tx));
  const result: SealResult = { sealed: [], skipped: [], head };
  let cursor: { at: Date; id: string } | null = null;
  while (result.sealed.length < maxRows) {
    const batch: AuditEventRow[] = await tx.auditEvent.findMany({
      where: {
        seq: null,
        mac: { not: null },
        ...(exclude.length ? { id: { notIn: [...exclude] } } : {}),
        ...(cursor ? { OR: [{ at: { gt: cursor.at } }, { at: cursor.at, id: { gt: cursor.id } }] } : {}),
      },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: Math.min(SEAL_BATCH_ROWS, maxRows - result.sealed.length),
    });
    if (batch.length === 0) break;
    const seals: { id: string; seq: number; prevHash: string; hash: string }[] = [];
    for (const r of batch) {
      const row = { ...r, details: r.details ?? null };
      const check = checkAuditRowMac(keys, row);
      if (check !== "ok") {
        result.skipped.push({ id: r.id, why: check });
        continue;
      }
      const seq: number = (head?.seq ?? 0) + 1;
      const prevHash = head?.hash ?? GENESIS_HASH;
      const hash = hashAuditRow({ ...row, seq, prevHash });
      seals.push({ id: r.id, seq, prevHash, hash });
      head = { seq, hash };
    }
    await writeSeals(tx, seals);
    result.sealed.push(...seals.map(({ id, seq, hash }) => ({ id, seq, hash })));
    cursor = { at: batch.at(-1)!.at, id: batch.at(-1)!.id };
    if (batch.length < SEAL_BATCH_ROWS) break;
  }
  result.head = head;
  return result;
}

/** One statement per batch on PostgreSQL (the chainer's throughput is this write); row by row on SQLite. */
async function writeSeals(tx: AuditTx, seals: { id: string; seq: number; prevHash: string; hash: string }[]): Promise<void> {
  if (seals.length === 0) return;
  let updated = 0;
  if (isPostgres) {
    updated = await tx.$executeRawUnsafe(
      `UPDATE "AuditEvent" AS a SET "seq" = v.seq, "prevHash" = v.prev, "hash" = v.hash
         FROM unnest($1::text[], $2::int[], $3::text[], $4::text[]) AS v(id, seq, prev, hash)
        WHERE a."id" = v.id AND a."seq" IS NULL`,
      seals.map((s) => s.id),
      seals.map((s) => s.seq),
      seals.map((s) => s.prevHash),
      seals.map((s) => s.hash),
    );
  } else {
    for (const s of seals) {
      updated += (await tx.auditEvent.updateMany({ where: { id: s.id, seq: null }, data: { seq: s.seq, prevHash: s.prevHash, hash: s.hash } })).count;
    }
  }
  // Under the lock nothing else seals; a row that changed meanwhile was touched behind the app's back.
  if (updated !== seals.length) throw new Error(`audit chain: sealed ${updated} of ${seals.length} rows (rows changed while sealing)`);
}
