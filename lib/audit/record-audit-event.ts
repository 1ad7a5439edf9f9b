import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent, type AppendedAuditEvent } from "./append-audit-event";
import { sealAfterCommit } from "./audit-chainer";
import { getAuditKey } from "./audit-key";
import type { AuditTx } from "./audit-tx";
import { noteAuditAppends } from "./checkpoint/checkpoint-trigger";
import { isPostgres } from "./seal-audit-rows";
import type { AuditEventInput } from "./types";
import { logger } from "@/lib/observability/logger";

/** A unique-seq race or a busy transaction slot is retried this often before the write is given up. */
const MAX_APPEND_ATTEMPTS = 8;
/** Inline appends are serialised, so under a burst a writer may queue behind many others for a transaction slot. */
const TX_OPTIONS = { maxWait: 60_000, timeout: 30_000 } as const;

const RETRYABLE = new Set(["P2002", "P2028", "P2034"]);

/**
 * Appends one audit row. Append-only by construction: nothing in the app updates or deletes AuditEvent (except
 * sealing unsealed rows, and chaining rows written before the chain existed, once).
 *
 * On PostgreSQL with trust.signingKey the row is inserted unsealed with its MAC (seq null in the result) and sealed
 * into the chain by the chainer right after commit, in batches, so appenders neither queue behind one lock nor wait;
 * otherwise (SQLite, or no key) it is chained inline under the chain lock.
 *
 * With `tx`, the row is written inside the caller's transaction and errors propagate, so a workflow transition
 * and its audit row commit or roll back together. Without `tx`, a failed write is logged and swallowed so an
 * outage of the audit table cannot lock everyone out of signing in.
 */
export async function recordAuditEvent(event: AuditEventInput, tx?: AuditTx): Promise<AppendedAuditEvent | null> {
  const key = await getAuditKey().catch(() => null);
  const deferred = isPostgres && key !== null;
  if (tx) {
    const appended = await appendAuditEvent(tx, event, { key, deferred });
    if (deferred) sealAfterCommit();
    else noteAuditAppends(1);
    return appended;
  }
  for (let attempt = 1; ; attempt++) {
    try {
      if (!deferred) {
        const appended = await db.$transaction((t) => appendAuditEvent(t, event, { key, deferred }), TX_OPTIONS);
        noteAuditAppends(1);
        return appended;
      }
      // autocommit insert: no transaction, no lock, no waiting; the chainer seals it (with whatever else is pending)
      const appended = await appendAuditEvent(db, event, { key, deferred });
      sealAfterCommit();
      return appended;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < MAX_APPEND_ATTEMPTS) continue;
      logger.error({ err: error, action: event.action }, "audit write failed");
      return null;
    }
  }
}
