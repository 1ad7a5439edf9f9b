import { X509Certificate } from "node:crypto";
import { decodeBase64 } from "./decode-base64";
import { MAX_ENVELOPE_BYTES } from "./limits";
import { parseJsonCapped } from "./parse-json-capped";
import type { SignerDTO } from "./types";
import type { VerificationOutcome } from "./verification-types";

export const NOTATION_THUMBPRINT_ANNOTATION = "io.cncf.notary.x509chain.thumbprint#S256";

/**
 * A Notary v2 signature (notaryproject specs, signature-envelope-jws.md): shows the signer from `x5c[0]` and checks that
 * the signed payload targets this ModelKit. Trust needs a trust store and trust policy, which Kitgate does not have yet,
 * so a consistent signature is "not-verified". COSE envelopes are not decoded (no CBOR reader): signer from the annotation.
 */
export function inspectNotation(
  blob: Uint8Array,
  layerMediaType: string,
  manifestAnnotations: Record<string, string> | undefined,
  manifestDigest: string,
): VerificationOutcome {
  const thumbprints = parseThumbprints(manifestAnnotations?.[NOTATION_THUMBPRINT_ANNOTATION]);
  const fromAnnotation: SignerDTO | null = thumbprints[0] ? { thumbprint: thumbprints[0] } : null;
  if (layerMediaType === "application/cose") {
    return { ...empty(), status: "not-verified", reason: "Notary COSE signature: envelope not decoded, no trust store configured", signer: fromAnnotation };
  }
  if (blob.length > MAX_ENVELOPE_BYTES) return { ...empty(), status: "malformed", reason: "signature envelope is too large", signer: fromAnnotation };
  const json = parseJsonCapped(Buffer.from(blob).toString("utf8"));
  if (!json.ok) return { ...empty(), status: "malformed", reason: `JWS is ${json.reason}`, signer: fromAnnotation };
  const jws = json.value as { payload?: unknown; protected?: unknown; header?: { x5c?: unknown } };
  const payloadBytes = decodeBase64(jws?.payload);
  const protectedBytes = decodeBase64(jws?.protected);
  const payload = payloadBytes ? parseJsonCapped(payloadBytes.toString("utf8")) : null;
  const header = protectedBytes ? parseJsonCapped(protectedBytes.toString("utf8")) : null;
  if (!payload?.ok || !header?.ok) return { ...empty(), status: "malformed", reason: "JWS payload or protected header is not base64url JSON", signer: fromAnnotation };

  let signer = fromAnnotation;
  const x5c = Array.isArray(jws.header?.x5c) ? jws.header.x5c : [];
  const leafDer = decodeBase64(x5c[0]);
  if (leafDer) {
    try {
      const leaf = new X509Certificate(leafDer);
      signer = {
        thumbprint: leaf.fingerprint256.replaceAll(":", "").toUpperCase(),
        certificateIdentity: leaf.subject.replaceAll("\n", ", ").slice(0, 500),
        certificateIssuer: leaf.issuer.replaceAll("\n", ", ").slice(0, 500),
      };
    } catch {
      // an unparsable leaf leaves the annotation's thumbprint as the only signer information
    }
  }
  const target = (payload.value as { targetArtifact?: { digest?: unknown } })?.targetArtifact?.digest;
  const h = header.value as Record<string, unknown>;
  const signingTime = typeof h["io.cncf.notary.signingTime"] === "string" ? h["io.cncf.notary.signingTime"] : null;
  const subjectDigests = typeof target === "string" ? [target.slice(0, 200)] : [];
  if (target !== manifestDigest) {
    return { ...empty(), status: "subject-mismatch", reason: `targets ${String(target).slice(0, 100)}, not this ModelKit`, signer, subjectDigests, signedAt: signingTime };
  }
  return {
    ...empty(),
    status: "not-verified",
    reason: "Notary v2 signature present; not verified (no Notary trust store is configured)",
    signer,
    subjectDigests,
    signedAt: signingTime,
    predicateTypeHint: "application/vnd.cncf.notary.signature",
  };
}

function parseThumbprints(value: string | undefined): string[] {
  if (!value) return [];
  const parsed = parseJsonCapped(value, 2);
  return parsed.ok && Array.isArray(parsed.value) ? parsed.value.filter((t): t is string => typeof t === "string").map((t) => t.slice(0, 128)) : [];
}

function empty(): VerificationOutcome {
  return { status: "malformed", reason: "", signer: null, statement: null, predicateTypeHint: null, subjectDigests: [], signedAt: null };
}
