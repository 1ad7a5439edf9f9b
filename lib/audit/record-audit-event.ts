import "server-only";
import { db } from "@/lib/db";
import { appendAuditEvent, type AppendedAuditEvent } from "./append-audit-event";
import type { AuditTx } from "./audit-tx";
import type { AuditEventInput } from "./types";

/** A unique-seq race or a busy transaction slot is retried this often before the write is given up. */
const MAX_APPEND_ATTEMPTS = 8;
/** Appends are serialised, so under a burst a writer may queue behind many others for a transaction slot. */
const TX_OPTIONS = { maxWait: 60_000, timeout: 30_000 } as const;

const RETRYABLE = new Set(["P2002", "P2028", "P2034"]);

/**
 * Appends one audit row to the hash chain. Append-only by construction: nothing in the app updates or deletes
 * AuditEvent (except chaining rows written before the chain existed, once).
 *
 * With `tx`, the row is written inside the caller's transaction and errors propagate, so a workflow transition
 * and its audit row commit or roll back together. Without `tx`, a failed write is logged and swallowed so an
 * outage of the audit table cannot lock everyone out of signing in.
 */
export async function recordAuditEvent(event: AuditEventInput, tx?: AuditTx): Promise<AppendedAuditEvent | null> {
  if (tx) return appendAuditEvent(tx, event);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.$transaction((t) => appendAuditEvent(t, event), TX_OPTIONS);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code && RETRYABLE.has(code) && attempt < MAX_APPEND_ATTEMPTS) continue;
      console.error("[kitgate] audit write failed", event.action, error);
      return null;
    }
  }
}
