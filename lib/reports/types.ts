import type { ChainBreakReason, CheckpointRef } from "@/lib/audit/types";

/** Format versions let consumers of the JSON detect a layout change. */
export const EVIDENCE_PACK_FORMAT = "kitgate.evidence-pack/v1";
export const DECISIONS_REPORT_FORMAT = "kitgate.decisions-report/v1";

export interface EvidenceAttestation {
  id: string;
  predicateType: string | null;
  source: string;
  envelope: string;
  status: string;
  statusReason: string;
  signer: string | null;
  createdAt: string | null;
  summary: string | null;
}

export interface EvidencePolicy {
  environment: string;
  passed: boolean | null;
  tier: string | null;
  policyDigest: string | null;
  evaluatedAt: string | null;
  rules: { id: string; title: string; passed: boolean; reason: string }[];
  /** set when the evaluation could not run (no policies, registry down…) */
  error?: string;
}

export interface EvidenceDecision {
  approverId: string;
  approverName: string;
  approverSubject: string | null;
  approverGroups: string[];
  decision: string;
  comment: string | null;
  at: string;
}

export interface EvidenceApproval {
  requestId: string;
  environment: string;
  state: string;
  requesterId: string;
  requesterName: string;
  comment: string | null;
  reason: string | null;
  approvalsRequired: number;
  policyDigest: string | null;
  createdAt: string;
  decisions: EvidenceDecision[];
}

export interface EvidencePromotion {
  requestId: string;
  kind: string;
  targetRepository: string;
  tag: string;
  digest: string;
  previousDigest: string | null;
  status: string;
  error: string | null;
  statementDigest: string | null;
  at: string;
}

export interface EvidenceAuditRow {
  seq: number | null;
  id: string;
  at: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  target: string | null;
  environment: string | null;
  prevHash: string | null;
  hash: string | null;
  /** the stored hash equals the hash recomputed from the row's content */
  hashValid: boolean;
}

export interface EvidencePack {
  format: typeof EVIDENCE_PACK_FORMAT;
  generatedAt: string;
  generatedBy: { id: string; name: string };
  modelKit: {
    reference: string;
    registry: string;
    repository: string;
    digest: string;
    tags: string[];
    mediaType: string | null;
    artifactFormat: string;
    configDigest: string | null;
    created: string | null;
    totalSize: number;
    layers: { index: number; kind: string; path: string | null; mediaType: string; digest: string; size: number }[];
  };
  kitfile: {
    source: string | null;
    packageName: string | null;
    version: string | null;
    authors: string[];
    description: string | null;
    model: { name: string | null; path: string | null; framework: string | null } | null;
    datasets: number;
    code: number;
    docs: number;
  } | null;
  attestations: EvidenceAttestation[];
  policy: EvidencePolicy[];
  /** empty when no promotion was ever requested; `approvalNote` then says so */
  approvals: EvidenceApproval[];
  approvalNote: string | null;
  promotions: EvidencePromotion[];
  audit: {
    rows: EvidenceAuditRow[];
    /**
     * chain verification at export time (incremental: the newest signed checkpoint plus every row after it), with that
     * checkpoint's signed envelope: rows with seq ≤ checkpoint.seq are sealed by it
     */
    chain: {
      ok: boolean;
      mode: "full" | "incremental";
      checked: number;
      headHash: string | null;
      headSeq: number | null;
      firstBroken?: { seq: number | null; id?: string; reason: ChainBreakReason };
      findings: string[];
      checkpoint: CheckpointRef | null;
    };
  };
}

export interface DecisionRow {
  at: string;
  repository: string;
  digest: string;
  environment: string;
  decision: string;
  approverId: string;
  approverName: string;
  approverSubject: string | null;
  approverGroups: string[];
  comment: string | null;
  requestId: string;
  requestState: string;
  requesterName: string;
}

export interface DecisionsReport {
  format: typeof DECISIONS_REPORT_FORMAT;
  generatedAt: string;
  generatedBy: { id: string; name: string };
  repository: string;
  from: string | null;
  to: string | null;
  decisions: DecisionRow[];
  /** set when the row cap cut the period short */
  truncated: boolean;
}
