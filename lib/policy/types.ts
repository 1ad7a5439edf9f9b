// Types of the policy engine: the loaded policy set (tiers, tier rules, gates, environments), its input (a
// ModelKit summary + attestations) and its output (a checklist of rules with evidence). JSON-safe throughout:
// evaluations cross the REST API and the server/client boundary as they are.
import type { AttestationDTO, ScanSeverity } from "@/lib/attest/types";
import type { ArtifactFormat, Kitfile } from "@/lib/modelkit/types";

export type { ScanSeverity };

/**
 * What the engine needs from an attestation. `AttestationDTO` satisfies it; only `status: "verified"` ones
 * count as evidence, and only their signed `predicateType` is trusted (the hint is for "present but unverified").
 */
export type PolicyEvidence = Pick<
  AttestationDTO,
  "id" | "predicateType" | "predicateTypeHint" | "status" | "statusReason" | "signer" | "createdAt" | "predicate"
>;

/** The ModelKit facts rules may look at (from `ModelKitView` plus where it lives). */
export interface PolicyKitInput {
  registry: string;
  repository: string;
  digest: string;
  /** version tags pointing at this digest */
  tags: string[];
  format: ArtifactFormat;
  kitfile: Kitfile | null;
  /** total layer bytes */
  totalSize: number;
  /** when known (Kitfile parameters or a tensor header); null otherwise */
  parameterCount?: number | null;
  /** Kitfile/layer paths, used to spot `.gguf` weights */
  layerPaths?: string[];
}

export interface EnvironmentDef {
  name: string;
  /** the environment whose gate must also pass first */
  after?: string;
}

/** Conditions of a tier rule; all given keys must match (AND), a list matches when any item does (OR). */
export interface TierCondition {
  llm?: boolean;
  minSizeBytes?: number;
  maxSizeBytes?: number;
  minParameters?: number;
  maxParameters?: number;
  /** Kitfile `model.format` (case-insensitive) */
  formats?: string[];
  /** Kitfile `model.framework` (case-insensitive) */
  frameworks?: string[];
  /** globs over `repository` or `registry/repository` */
  repositories?: string[];
  /** globs over the version's tags */
  tags?: string[];
  environments?: string[];
}

export interface TierRequirement {
  predicateType: string;
  /** scanner (tool) names that must appear among the attestation's evaluations (scan predicate, §7) */
  scanners?: string[];
}

export interface TierDef {
  name: string;
  description?: string;
  requires: TierRequirement[];
}

export interface TierRule {
  /** where it came from, for explanations: `tiers.yaml: tierRules[1]` */
  source: string;
  name?: string;
  when: TierCondition;
  /** exactly this tier (the first matching `tier` rule wins) … */
  tier?: string;
  /** … or a floor: the result is at least this tier (all matching floors apply) */
  atLeast?: string;
}

export interface GateRequirement {
  predicateType: string;
  /** trust key names (config `trust.keys[].name`); any of them */
  signedBy?: string[];
  /** milliseconds */
  maxAgeMs?: number;
}

export interface ComplianceRequirement {
  name: string;
  /** globs over `repository` or `registry/repository` */
  repositories: string[];
  predicateType: string;
  signedBy?: string[];
}

export interface GateDef {
  source: string;
  environment: string;
  /** default signers for every requirement of this gate */
  signedBy?: string[];
  /** default max age for every requirement of this gate */
  maxAgeMs?: number;
  /** whether the tier's required scans are part of this gate (default true) */
  tier: boolean;
  require: GateRequirement[];
  /** worst finding severity allowed in the gate's scan attestations */
  maxSeverity?: ScanSeverity;
  /** "all": every metric reported must pass; a list: each named metric must be reported and pass */
  metrics?: "all" | string[];
  compliance: ComplianceRequirement[];
}

export interface PolicySet {
  /** tiers from least to most demanding (file order) */
  tiers: TierDef[];
  /** tier chosen when no `tier` rule matches (default: the first tier) */
  defaultTier: string | null;
  tierRules: TierRule[];
  gates: GateDef[];
  environments: EnvironmentDef[];
  /** sha256 over the policy files (raw bytes, sorted by name) and the environments: recorded in decisions */
  digest: string;
  /** file names the set was read from */
  files: string[];
}

export type RuleKind =
  | "gate-defined"
  | "environment-order"
  | "tier-requirement"
  | "required-predicate"
  | "signer"
  | "max-age"
  | "max-severity"
  | "metrics"
  | "compliance";

export interface EvidenceRef {
  attestationId?: string;
  predicateType?: string;
  /** a finding or metric, rendered as one line of text */
  finding?: string;
  /** what was looked for and not found */
  missing?: string;
  /** e.g. "present but not verified (invalid-signature)" */
  note?: string;
}

export interface RuleResult {
  id: string;
  kind: RuleKind;
  title: string;
  passed: boolean;
  reason: string;
  evidence: EvidenceRef[];
}

export interface TierChoice {
  name: string;
  /** why: the matching rules, or "default" */
  reasons: string[];
}

export interface PolicyEvaluation {
  environment: string;
  tier: TierChoice | null;
  passed: boolean;
  rules: RuleResult[];
  policyDigest: string;
  /** ISO time the evaluation used as "now" */
  evaluatedAt: string;
}

/** What the data layer and `GET /api/v1/policy/evaluate` return: the evaluation plus what it was about. */
export interface PolicyEvaluationDTO extends PolicyEvaluation {
  /** canonical `registry/repository@sha256:…` that was evaluated */
  reference: string;
  digest: string;
  /** every configured environment, in config order (for the UI's environment switcher) */
  environments: string[];
  /** policy files the set was read from */
  policyFiles: string[];
}
