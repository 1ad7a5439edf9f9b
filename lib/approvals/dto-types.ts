import type { ApprovalState } from "./types";

export interface ApprovalDecisionDTO {
  approverId: string;
  approverName: string;
  approverGroups: string[];
  approverSubject: string | null;
  decision: "approve" | "reject";
  comment: string | null;
  at: string;
}

export interface PromotionDTO {
  kind: "promote" | "revoke";
  targetRepository: string;
  tag: string;
  digest: string;
  previousDigest: string | null;
  status: "succeeded" | "failed";
  error: string | null;
  statementDigest: string | null;
  at: string;
}

export interface ApprovalRequestDTO {
  id: string;
  registry: string;
  repository: string;
  digest: string;
  /** `registry/repository@digest` */
  reference: string;
  /** what the requester named (tag or digest) */
  requestedAs: string | null;
  environment: string;
  state: ApprovalState;
  version: number;
  requester: { id: string; name: string };
  comment: string | null;
  approvals: number;
  approvalsRequired: number;
  policyDigest: string | null;
  reason: string | null;
  lastError: string | null;
  createdAt: string;
  updatedAt: string;
  decisions: ApprovalDecisionDTO[];
  promotions: PromotionDTO[];
}
