/**
 * Closed set of audit actions. Sign-in and tokens write the first group; the approval workflow and reports add
 * theirs (extend this union rather than passing free strings, so the audit page can offer them as filters).
 */
export type AuditAction =
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-out"
  | "auth.disabled-user-blocked"
  | "auth.locked-out"
  | "token.create"
  | "token.use"
  | "token.revoke"
  | "token.rejected"
  | "access.denied"
  | "report.export"
  | "config.reload"
  | "approval.request"
  | "approval.decision"
  | "approval.transition"
  | "promotion.succeeded"
  | "promotion.failed"
  | "promotion.revoked"
  | "drift.detected"
  | "audit.verified";

export interface AuditEventInput {
  action: AuditAction;
  actorId?: string | null;
  actorName?: string | null;
  target?: string | null;
  /**
   * `<registry>/<repository>` exactly as in a reference (`local/demo/fraud-detection`): the audit page shows a
   * viewer only rows of repositories they can read, and it splits this at the first `/` to ask.
   */
  repository?: string | null;
  environment?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}

/** The fields of one stored row that the chain hash covers, plus its position and links. */
export interface ChainedAuditRow {
  id: string;
  seq: number | null;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  repository: string | null;
  environment: string | null;
  ip: string | null;
  userAgent: string | null;
  details: unknown;
  prevHash: string | null;
  hash: string | null;
  /** keyed MAC written by the appender (lib/audit/mac-audit-row.ts); not covered by `hash` */
  mac?: string | null;
}

/**
 * Why verification failed at a row. The first three come from walking the rows; `mac-mismatch` from the keyed MAC
 * (the row's content was changed by someone without Kitgate's key, even if every hash after it was recomputed);
 * `truncated` and `rewritten` from comparing the rows with a signed checkpoint; `unsealed` is a row that is not in
 * the chain and whose MAC does not verify (inserted behind Kitgate's back).
 */
export type ChainBreakReason = "hash-mismatch" | "prev-mismatch" | "gap" | "mac-mismatch" | "truncated" | "rewritten" | "unsealed";

/** One problem found by verification, with the sequence numbers it concerns. */
export interface AuditFinding {
  reason: ChainBreakReason;
  /** the first row concerned (null for a row that has no seq) */
  seq: number | null;
  /** last row of a range (truncation: the checkpoint's seq; rewrite located only to a range: its end) */
  toSeq?: number;
  id?: string;
  message: string;
}

/** A signed checkpoint as verification used it. */
export interface CheckpointRef {
  seq: number;
  hash: string;
  time: string;
  /** sha256 of the DSSE envelope */
  digest: string;
  /** where a valid copy was found: `database`, `file`, `registry` */
  sources: string[];
  /** the signed DSSE envelope, for an auditor to verify offline with Kitgate's public key */
  envelope: string;
}

export interface ChainVerification {
  ok: boolean;
  /** `full`: every row recomputed; `incremental`: rows after the latest signed checkpoint, plus that checkpoint */
  mode?: "full" | "incremental";
  /** rows recomputed */
  checked: number;
  /** rows a bounded (page-view) verification did not re-hash; the full verification covers them */
  unchecked?: number;
  /** hash of the last row checked: a checkpoint an auditor can write down and compare later */
  lastHash?: string;
  /** the chain head (highest seq) when verification ran */
  head?: { seq: number; hash: string } | null;
  firstBroken?: { seq: number | null; id?: string; reason: ChainBreakReason };
  /** every problem found (the first one is also `firstBroken`) */
  findings?: AuditFinding[];
  /** the newest valid signed checkpoint the rows were compared with, null when none exists */
  checkpoint?: CheckpointRef | null;
  /** things that weaken the result without being tampering (no checkpoint store outside the database, a store unreachable…) */
  warnings?: string[];
  /** the last full verification recorded in the chain (`audit.verified`), for incremental results */
  lastFull?: { at: string; ok: boolean; checked: number; firstBroken?: { seq: number | null; reason: ChainBreakReason } | null } | null;
  durationMs?: number;
}

/** prevHash of the first row in the chain. */
export const GENESIS_HASH = "0".repeat(64);

/** One audit row as the API and the audit page show it. */
export interface AuditEventDTO {
  id: string;
  seq: number | null;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  repository: string | null;
  environment: string | null;
  /** only shown to admins: network origin is personal data */
  ip?: string | null;
  userAgent?: string | null;
  details: unknown;
  prevHash: string | null;
  hash: string | null;
}
