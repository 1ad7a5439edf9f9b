import "server-only";
import { env } from "@/lib/env";
import type { AuditTx } from "./audit-tx";
import { hashAuditRow } from "./hash-audit-row";
import { GENESIS_HASH, type AuditEventInput, type ChainedAuditRow } from "./types";

/** Header values are attacker-controlled; cap them so one request cannot bloat the audit table. */
const MAX_FIELD_CHARS = 512;
/** Details are small structured facts; a bigger object is replaced by a marker rather than stored. */
const MAX_DETAILS_CHARS = 16 * 1024;
/** Any constant works: it names the one PostgreSQL advisory lock that serialises chain appends. */
const PG_CHAIN_LOCK_KEY = 727_100_001;

const isPostgres = /^postgres(ql)?:\/\//.test(env.DATABASE_URL);

const cap = (s: string | null | undefined) => (s == null ? null : s.slice(0, MAX_FIELD_CHARS));

export interface AppendedAuditEvent {
  id: string;
  seq: number;
  hash: string;
}

/**
 * Appends one row at the end of the hash chain inside `tx`: reads the last row and inserts seq + 1 with
 * prevHash = its hash. On PostgreSQL a transaction-scoped advisory lock serialises appenders (so a caller's own
 * transaction never hits a unique-violation abort); on SQLite the write transaction is already exclusive. The
 * unique index on seq stays the last line of defence: a race becomes an error, never a fork.
 */
export async function appendAuditEvent(tx: AuditTx, event: AuditEventInput): Promise<AppendedAuditEvent> {
  // the function returns void, which the pg adapter cannot deserialise; select a constant from it instead
  if (isPostgres) await tx.$queryRawUnsafe(`SELECT 1 AS locked FROM pg_advisory_xact_lock(${PG_CHAIN_LOCK_KEY})`);
  // Checked on every append (one indexed probe), not remembered per process: the transaction that chained them
  // may still roll back.
  await chainLegacyRows(tx);
  const last = await tx.auditEvent.findFirst({
    where: { seq: { not: null } },
    orderBy: { seq: "desc" },
    select: { seq: true, hash: true },
  });
  const row: Omit<ChainedAuditRow, "id" | "hash"> = {
    seq: (last?.seq ?? 0) + 1,
    // ms precision survives both databases, so the hash recomputed from the stored row matches
    at: new Date(),
    actorId: cap(event.actorId),
    actorName: cap(event.actorName),
    action: event.action,
    target: cap(event.target),
    repository: cap(event.repository),
    environment: cap(event.environment),
    ip: cap(event.ip),
    userAgent: cap(event.userAgent),
    details: normaliseDetails(event.details),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = hashAuditRow(row);
  const created = await tx.auditEvent.create({
    data: { ...row, seq: row.seq!, details: (row.details ?? undefined) as object | undefined, hash },
    select: { id: true },
  });
  return { id: created.id, seq: row.seq!, hash };
}

/** What the JSON column will give back: undefined dropped, Dates as strings. Hashing this keeps verify exact. */
function normaliseDetails(details: Record<string, unknown> | undefined): unknown {
  if (!details) return null;
  const text = JSON.stringify(details);
  if (text.length > MAX_DETAILS_CHARS) return { truncated: true, chars: text.length };
  return JSON.parse(text);
}

/**
 * Rows written before the chain existed are chained in time order, but only while no chained row exists yet:
 * once the chain has started, an unchained row can only have been inserted behind the app's back, so it is
 * left for verification to report instead of being laundered into the chain.
 */
async function chainLegacyRows(tx: AuditTx): Promise<void> {
  if (await tx.auditEvent.findFirst({ where: { seq: { not: null } }, select: { id: true } })) return;
  const legacy = await tx.auditEvent.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }] });
  let seq = 0;
  let prevHash = GENESIS_HASH;
  for (const r of legacy) {
    seq++;
    const hash = hashAuditRow({ ...r, seq, prevHash, details: r.details ?? null });
    await tx.auditEvent.update({ where: { id: r.id }, data: { seq, prevHash, hash } });
    prevHash = hash;
  }
}
