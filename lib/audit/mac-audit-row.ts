import { createHmac, timingSafeEqual } from "node:crypto";
import canonicalize from "canonicalize";
import type { ChainedAuditRow } from "./types";

/** The row fields a MAC covers: everything the appender decides, including `id` (so a row cannot be duplicated). */
export type MacedAuditRow = Pick<
  ChainedAuditRow,
  "id" | "at" | "actorId" | "actorName" | "action" | "target" | "repository" | "environment" | "ip" | "userAgent" | "details"
>;

/** The keys a verifier holds, by key id (the hex prefix in front of each MAC). */
export type MacKeys = ReadonlyMap<string, Buffer>;

function macHex(key: Buffer, row: MacedAuditRow): string {
  const text = canonicalize({
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actorId, name: row.actorName },
    action: row.action,
    target: row.target,
    repository: row.repository,
    environment: row.environment,
    origin: { ip: row.ip, userAgent: row.userAgent },
    details: row.details ?? null,
  });
  return createHmac("sha256", key).update(text!, "utf8").digest("hex");
}

/**
 * `<keyId>:<hex HMAC-SHA256>` over the RFC 8785 canonical JSON of the row's content (not its chain position: seq and
 * prevHash are assigned later by the chainer). The key is derived from trust.signingKey and never stored in the
 * database, so someone who can only write SQL can neither insert a row the chainer will seal nor edit a row and
 * recompute everything after it without the edit being named exactly.
 */
export function macAuditRow(keyId: string, key: Buffer, row: MacedAuditRow): string {
  return `${keyId}:${macHex(key, row)}`;
}

/** `ok`; `mismatch` (wrong or missing MAC for a key we hold); `unknown-key` (made with a key not loaded here). */
export function checkAuditRowMac(keys: MacKeys, row: MacedAuditRow & { mac?: string | null }): "ok" | "mismatch" | "unknown-key" | "none" {
  if (!row.mac) return "none";
  const colon = row.mac.indexOf(":");
  const key = colon > 0 ? keys.get(row.mac.slice(0, colon)) : undefined;
  if (!key) return "unknown-key";
  const expected = Buffer.from(macHex(key, row), "hex");
  const given = Buffer.from(row.mac.slice(colon + 1), "hex");
  return given.length === expected.length && timingSafeEqual(given, expected) ? "ok" : "mismatch";
}
