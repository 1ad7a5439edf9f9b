import { decodeBase64 } from "./decode-base64";
import { isWellFormedSignature } from "./is-well-formed-signature";
import { parseJsonCapped } from "./parse-json-capped";
import type { TrustKey } from "./trust-types";
import type { VerificationOutcome } from "./verification-types";
import { verifyRawSignature } from "./verify-raw-signature";

/**
 * A cosign `.sig` layer: the blob is the simple-signing payload, the signature (base64) sits in the layer annotation
 * `dev.cosignproject.cosign/signature` and covers the raw blob bytes (cosign SIGNATURE_SPEC.md).
 */
export function verifySimpleSigning(blob: Uint8Array, signatureB64: string | undefined, keys: readonly TrustKey[], manifestDigest: string): VerificationOutcome {
  const sig = decodeBase64(signatureB64);
  if (!sig || sig.length === 0) return fail("malformed", "layer has no valid base64 dev.cosignproject.cosign/signature annotation");
  const signedBy = keys.find((k) => verifyRawSignature(k.key, blob, sig));
  if (!signedBy) {
    if (!isWellFormedSignature(sig)) return fail("invalid-signature", "the signature is not well-formed");
    return fail("untrusted-key", keys.length ? `signed by none of the ${keys.length} configured keys` : "no trust keys are configured (trust.keys)");
  }
  const signer = { keyName: signedBy.name };
  const json = parseJsonCapped(Buffer.from(blob).toString("utf8"));
  if (!json.ok) return { ...fail("malformed", `payload is ${json.reason}`), signer };
  const critical = (json.value as { critical?: Record<string, unknown> })?.critical;
  const image = critical?.image as Record<string, unknown> | undefined;
  // Old payloads spell it Docker-manifest-digest; Go's JSON decoder matches keys case-insensitively.
  const digestKey = image && Object.keys(image).find((k) => k.toLowerCase() === "docker-manifest-digest");
  const digest = digestKey ? image[digestKey] : undefined;
  const type = typeof critical?.type === "string" ? critical.type.slice(0, 200) : null;
  if (typeof digest !== "string") return { ...fail("malformed", "payload has no critical.image.docker-manifest-digest"), signer };
  const statement = { predicateType: type ?? "cosign container image signature", subjectDigests: [digest], predicate: json.value, predicateTooLarge: false };
  const base = { signer, statement, predicateTypeHint: statement.predicateType, subjectDigests: [digest], signedAt: null };
  return digest === manifestDigest
    ? { ...base, status: "verified", reason: `signature verified with key "${signedBy.name}"` }
    : { ...base, status: "subject-mismatch", reason: `signs ${digest.slice(0, 100)}, not this ModelKit (${manifestDigest})` };
}

function fail(status: VerificationOutcome["status"], reason: string): VerificationOutcome {
  return { status, reason, signer: null, statement: null, predicateTypeHint: null, subjectDigests: [], signedAt: null };
}
