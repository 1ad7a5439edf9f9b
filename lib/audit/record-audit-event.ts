import "server-only";
import { db } from "@/lib/db";
import type { AuditEventInput } from "./types";

/** Header values are attacker-controlled; cap them so one request cannot bloat the audit table. */
const MAX_FIELD_CHARS = 512;

const cap = (s: string | null | undefined) => (s == null ? null : s.slice(0, MAX_FIELD_CHARS));

/**
 * Appends one audit row. Append-only by construction: this module never updates or deletes, and nothing else
 * in the app writes AuditEvent. A failed audit write is logged and swallowed so an outage of the audit table
 * cannot lock everyone out of signing in; the approval workflow's audit (which must not be lost) is transactional.
 */
export async function recordAuditEvent(event: AuditEventInput): Promise<void> {
  try {
    await db.auditEvent.create({
      data: {
        action: event.action,
        actorId: cap(event.actorId),
        actorName: cap(event.actorName),
        target: cap(event.target),
        ip: cap(event.ip),
        userAgent: cap(event.userAgent),
        ...(event.details ? { details: event.details as object } : {}),
      },
    });
  } catch (error) {
    console.error("[kitgate] audit write failed", event.action, error);
  }
}
