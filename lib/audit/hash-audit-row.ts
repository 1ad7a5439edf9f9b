import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import type { ChainedAuditRow } from "./types";

/**
 * sha256 over the RFC 8785 canonical JSON of every stored field except `id` and `hash` itself. Canonical
 * (sorted keys, fixed number format) so that the JSON column round-tripping through SQLite or PostgreSQL
 * (which reorders jsonb keys) still yields the same bytes. ip and userAgent are covered too, so no column of a
 * row can be edited unnoticed.
 */
export function hashAuditRow(row: Omit<ChainedAuditRow, "id" | "hash">): string {
  const text = canonicalize({
    seq: row.seq,
    at: row.at.toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    action: row.action,
    target: row.target,
    repository: row.repository,
    environment: row.environment,
    origin: { ip: row.ip, userAgent: row.userAgent },
    details: row.details ?? null,
    prevHash: row.prevHash,
  });
  return createHash("sha256").update(text!, "utf8").digest("hex");
}
