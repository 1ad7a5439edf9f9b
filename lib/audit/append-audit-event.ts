import "server-only";
import { randomUUID } from "node:crypto";
import { metrics } from "@/lib/observability/metrics";
import type { AuditKey } from "./audit-key";
import type { AuditTx } from "./audit-tx";
import { hashAuditRow } from "./hash-audit-row";
import { macAuditRow, type MacedAuditRow } from "./mac-audit-row";
import { chainLegacyRows, lockChain, readChainHead } from "./seal-audit-rows";
import { GENESIS_HASH, type AuditEventInput } from "./types";

/** Header values are attacker-controlled; cap them so one request cannot bloat the audit table. */
const MAX_FIELD_CHARS = 512;
/** Details are small structured facts; a bigger object is replaced by a marker rather than stored. */
const MAX_DETAILS_CHARS = 16 * 1024;

const cap = (s: string | null | undefined) => (s == null ? null : s.slice(0, MAX_FIELD_CHARS));

export interface AppendedAuditEvent {
  id: string;
  /** null while the row waits for the chainer (deferred sealing, PostgreSQL) */
  seq: number | null;
  hash: string | null;
}

/** The row as it will be stored and read back (ms-precision time, JSON-normalised details), so hashes and MACs match. */
export function buildAuditRow(event: AuditEventInput, id: string = randomUUID(), at: Date = new Date()): MacedAuditRow {
  return {
    id,
    at,
    actorId: cap(event.actorId),
    actorName: cap(event.actorName),
    action: event.action,
    target: cap(event.target),
    repository: cap(event.repository),
    environment: cap(event.environment),
    ip: cap(event.ip),
    userAgent: cap(event.userAgent),
    details: normaliseDetails(event.details),
  };
}

/**
 * Writes one audit row inside `tx`, in one of two ways:
 * - `deferred`: the row is inserted unsealed (seq null) with its keyed MAC and no lock at all; the chainer
 *   (seal-audit-rows.ts) seals committed rows in order right after. Appenders never wait for each other.
 * - inline: the chain lock is taken and the row is inserted as the chain's next link. The lock is held until `tx`
 *   commits, so appends are serialised (SQLite's write transaction already is).
 * Either way the row commits or rolls back with the caller's transaction.
 */
export async function appendAuditEvent(
  tx: AuditTx,
  event: AuditEventInput,
  opts: { key: AuditKey | null; deferred: boolean },
): Promise<AppendedAuditEvent> {
  const timer = metrics().auditAppendDuration.startTimer({ mode: opts.deferred && opts.key ? "deferred" : "inline" });
  const row = buildAuditRow(event);
  const mac = opts.key ? macAuditRow(opts.key.keyId, opts.key.macKey, row) : null;
  const data = { ...row, details: (row.details ?? undefined) as object | undefined, mac };
  if (opts.deferred && opts.key) {
    // Deferred sealing is PostgreSQL only. One raw statement: a Prisma `create` costs ~3× the CPU, and at hundreds of
    // appends per second the appenders' CPU, not the database, is the limit.
    await tx.$executeRawUnsafe(
      `INSERT INTO "AuditEvent" ("id", "at", "actorId", "actorName", "action", "target", "repository", "environment", "ip", "userAgent", "details", "mac")
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb, $12)`,
      row.id,
      row.at,
      row.actorId,
      row.actorName,
      row.action,
      row.target,
      row.repository,
      row.environment,
      row.ip,
      row.userAgent,
      row.details === null ? null : JSON.stringify(row.details),
      mac,
    );
    timer();
    return { id: row.id, seq: null, hash: null };
  }
  await lockChain(tx);
  const head = (await readChainHead(tx)) ?? (await chainLegacyRows(tx));
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  const hash = hashAuditRow({ ...row, seq, prevHash });
  await tx.auditEvent.create({ data: { ...data, seq, prevHash, hash }, select: { id: true } });
  timer();
  return { id: row.id, seq, hash };
}

/** What the JSON column will give back: undefined dropped, Dates as strings. Hashing this keeps verify exact. */
function normaliseDetails(details: Record<string, unknown> | undefined): unknown {
  if (!details) return null;
  const text = JSON.stringify(details);
  if (text.length > MAX_DETAILS_CHARS) return { truncated: true, chars: text.length };
  return JSON.parse(text);
}
