import type { Role } from "@/lib/access/types";

export const APPROVAL_STATES = [
  "quarantined",
  "scan-passed",
  "awaiting-approval",
  "approved",
  "promoted",
  "rejected",
  "revoked",
] as const;
export type ApprovalState = (typeof APPROVAL_STATES)[number];

export const APPROVAL_EVENTS = [
  "gate-passed",
  "gate-failed",
  "request",
  "approve",
  "reject",
  "promote-succeeded",
  "promote-failed",
  "revoke",
] as const;
export type ApprovalEvent = (typeof APPROVAL_EVENTS)[number];

/** Who fires an event: a person with their highest role on the repository, or Kitgate itself (gate, registry). */
export type WorkflowRole = Role | "system";

/** Per-environment rules, from `environments:` in config. */
export interface EnvironmentRules {
  name: string;
  approvals: number;
  approverGroups: string[];
  distinctApprover: boolean;
  waitMinutes: number;
}

/** Everything a guard needs; the pure table never reads the database or the clock. */
export interface TransitionContext {
  role: WorkflowRole;
  actorId: string;
  actorGroups: readonly string[];
  env: EnvironmentRules;
  now: Date;
  /** the policy gate of the environment passed (required to request) */
  gatePassed?: boolean;
  requesterId?: string;
  pusherId?: string | null;
  requestedAt?: Date;
  /** approver ids that already approved this request */
  approvedBy?: readonly string[];
  /** ids that already decided (approve or reject) this request */
  decidedBy?: readonly string[];
}

export interface TransitionOutcome {
  to: ApprovalState;
  /** approvals after this event (approve only) */
  approvals?: number;
}
