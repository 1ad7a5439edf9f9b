/** Closed set of audit actions written by the sign-in feature; the approval workflow adds its own. */
export type AuditAction =
  | "auth.sign-in"
  | "auth.sign-in-failed"
  | "auth.sign-out"
  | "auth.disabled-user-blocked"
  | "token.create"
  | "token.use"
  | "token.revoke"
  | "token.rejected"
  | "access.denied";

export interface AuditEventInput {
  action: AuditAction;
  actorId?: string | null;
  actorName?: string | null;
  target?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  details?: Record<string, unknown>;
}
