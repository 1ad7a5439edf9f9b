// Attestations with their verification status (lib/attest/types.ts).
import { z } from "zod";
import { VERIFICATION_STATUSES, type VerificationStatus } from "@/lib/attest/types";
import { scanSeverity } from "./browse";
import { count } from "./common";
import { named } from "./components";

export const verificationStatus = z
  .enum(VERIFICATION_STATUSES as unknown as [VerificationStatus, ...VerificationStatus[]])
  .describe(
    "verified: a configured key verified the signature and the subject names this version; untrusted-key: signed by no configured key; invalid-signature: tampered; subject-mismatch: signed for another digest; unsupported; malformed; not-verified: no trust material for its kind",
  );

export const attestationSchema = named(
  "Attestation",
  z.strictObject({
    id: z.string().describe("digest of the envelope bytes + `#` + index within it"),
    source: z.enum(["referrers-api", "fallback-index", "cosign-att-tag", "cosign-sig-tag", "sigstore-bundle", "notation"]),
    manifestDigest: z.string().nullable().describe("the referrer (or `.att`/`.sig` tag) manifest that carried it"),
    envelope: z.enum(["dsse", "sigstore-bundle", "cosign-simple-signing", "notation-jws", "notation-cose", "unknown"]),
    predicateType: z.string().nullable().describe("ONLY from the verified signed payload; null otherwise"),
    predicateTypeHint: z.string().nullable().describe("unauthenticated hint from annotations, for display of unverified items"),
    status: verificationStatus,
    statusReason: z.string(),
    signer: z
      .strictObject({
        keyName: z.string().optional().describe("the configured trust key that verified it"),
        keyId: z.string().optional(),
        certificateIdentity: z.string().optional(),
        certificateIssuer: z.string().optional(),
        thumbprint: z.string().optional(),
      })
      .nullable(),
    subjectDigests: z.array(z.string()),
    createdAt: z.string().nullable(),
    predicate: z.unknown().describe("parsed predicate, size-capped; null when the payload did not parse"),
    summary: z
      .strictObject({
        worstSeverity: scanSeverity.nullable(),
        passed: z.boolean(),
        counts: z.strictObject({ info: count, anomaly: count, concern: count, error: count }),
        otherCounts: z.record(z.string(), count),
        metricsTotal: count,
        metricsFailed: count,
        tools: z.array(z.string()),
      })
      .nullable()
      .describe("scan predicate and cosign vuln: worst severity, pass/fail, counts"),
  }),
);
export const attestationListSchema = z.array(attestationSchema);
