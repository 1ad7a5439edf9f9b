/**
 * Closed set of audit actions. Sign-in and tokens write the first group; the approval workflow and reports add
 * theirs (extend this union rather than passing free strings, so the audit page can offer them as filters).
 */
export type AuditAction =
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-out"
  | "auth.disabled-user-blocked"
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
  | "drift.detected";

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
}

export type ChainBreakReason = "hash-mismatch" | "prev-mismatch" | "gap";

export interface ChainVerification {
  ok: boolean;
  checked: number;
  /** hash of the last row checked: a checkpoint an auditor can write down and compare later */
  lastHash?: string;
  firstBroken?: { seq: number | null; id: string; reason: ChainBreakReason };
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
