// Contract between discovery/verification (lib/attest) and its consumers (policy engine, UI, REST API).
// Everything here is JSON-serialisable: it crosses the server/client boundary and the REST API as is.

/**
 * Outcome of verifying one attestation, from best to worst meaning:
 * - verified: a configured key (or trusted root) verified the signature, and the signed subject names the ModelKit
 * - untrusted-key: well-formed and signed, but by no configured key
 * - invalid-signature: a configured key was named/expected but the signature does not verify (tampered)
 * - subject-mismatch: signature verified, but the statement's subjects do not include the ModelKit's manifest digest
 * - unsupported: an envelope or referrer kind Kitgate does not verify (e.g. COSE, unknown artifactType)
 * - malformed: bad base64/JSON/payloadType, over a cap, missing fields
 * - not-verified: present and parsed, but no trust material is configured for its kind (keyless without trusted root, Notary v2)
 */
export type VerificationStatus =
  | "verified"
  | "untrusted-key"
  | "invalid-signature"
  | "subject-mismatch"
  | "unsupported"
  | "malformed"
  | "not-verified";

export const VERIFICATION_STATUSES: readonly VerificationStatus[] = [
  "verified",
  "untrusted-key",
  "invalid-signature",
  "subject-mismatch",
  "unsupported",
  "malformed",
  "not-verified",
];

export type AttestationSource =
  | "referrers-api"
  | "fallback-index"
  | "cosign-att-tag"
  | "cosign-sig-tag"
  | "sigstore-bundle"
  | "notation";

export type EnvelopeKind =
  | "dsse"
  | "sigstore-bundle"
  | "cosign-simple-signing"
  | "notation-jws"
  | "notation-cose"
  | "unknown";

export interface SignerDTO {
  /** name of the configured trust key that verified it */
  keyName?: string;
  /** the envelope's (unauthenticated) key hint */
  keyId?: string;
  /** keyless: certificate SAN (email/URI); notation: leaf subject */
  certificateIdentity?: string;
  /** keyless: OIDC issuer extension; notation: leaf issuer */
  certificateIssuer?: string;
  /** notation: uppercase-hex SHA-256 of the leaf certificate */
  thumbprint?: string;
}

/** Scan severities of the Kitgate/Jozu scan predicate (attestations.md §7), worst last. */
export type ScanSeverity = "info" | "anomaly" | "concern" | "error";

export interface ScanSummary {
  /** worst known severity with at least one finding, null when none */
  worstSeverity: ScanSeverity | null;
  /** false when any metric failed, any error-severity finding exists, or the predicate says it failed */
  passed: boolean;
  counts: Record<ScanSeverity, number>;
  /** findings whose severity word is unknown, counted verbatim */
  otherCounts: Record<string, number>;
  metricsTotal: number;
  metricsFailed: number;
  /** scanner names with versions, e.g. "modelscan 0.8.1" */
  tools: string[];
}

export interface AttestationDTO {
  /** stable: digest of the envelope/bundle bytes + "#" + index within it */
  id: string;
  source: AttestationSource;
  /** the referrer (or `.att`/`.sig` tag) manifest that carried it */
  manifestDigest: string | null;
  envelope: EnvelopeKind;
  /** ONLY from the verified signed payload (never from annotations); null otherwise */
  predicateType: string | null;
  /** unauthenticated hint from annotations, for display of unverified items only */
  predicateTypeHint: string | null;
  status: VerificationStatus;
  statusReason: string;
  signer: SignerDTO | null;
  /** "sha256:<hex>" digests of the statement's subjects (from the payload, even when unverified) */
  subjectDigests: string[];
  /** signed time if any, else the referrer's `org.opencontainers.image.created` annotation */
  createdAt: string | null;
  /** parsed predicate, size-capped; present only when the payload parsed (null otherwise) */
  predicate: unknown;
  /** scan predicate (§7) and cosign vuln: worst severity, pass/fail, counts */
  summary: ScanSummary | null;
}
