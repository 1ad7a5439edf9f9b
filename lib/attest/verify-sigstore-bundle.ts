import { bundleFromJSON, type Bundle } from "@sigstore/bundle";
import { X509Certificate } from "@sigstore/core";
import { TrustedRoot } from "@sigstore/protobuf-specs";
import { toSignedEntity, toTrustMaterial, Verifier } from "@sigstore/verify";
import { decodeBase64 } from "./decode-base64";
import { isWellFormedSignature } from "./is-well-formed-signature";
import { MAX_ENVELOPE_BYTES } from "./limits";
import { parseJsonCapped } from "./parse-json-capped";
import { IN_TOTO_PAYLOAD_TYPE, parseStatement } from "./parse-statement";
import type { SignerDTO } from "./types";
import type { TrustKey, TrustMaterial } from "./trust-types";
import type { VerificationOutcome } from "./verification-types";
import { verifyDsse } from "./verify-dsse";

const OID_FULCIO_ISSUER_V1 = "1.3.6.1.4.1.57264.1.1";
const OID_FULCIO_ISSUER_V2 = "1.3.6.1.4.1.57264.1.8";
// Key-based bundles are checked offline against configured keys only: no TUF root, so no tlog/CT/TSA thresholds
// (attestations.md §3: the default of 1 would reject every key-signed bundle without a timestamp).
const EMPTY_ROOT = TrustedRoot.fromJSON({
  mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1",
  tlogs: [],
  certificateAuthorities: [],
  ctlogs: [],
  timestampAuthorities: [],
});

/** A sigstore bundle (v0.1–v0.3) carrying a DSSE in-toto attestation, via `@sigstore/verify` 3.1. */
export function verifySigstoreBundle(bytes: Uint8Array, trust: TrustMaterial, manifestDigest: string): VerificationOutcome {
  if (bytes.length > MAX_ENVELOPE_BYTES) return fail("malformed", `bundle is larger than ${MAX_ENVELOPE_BYTES} bytes`);
  const json = parseJsonCapped(Buffer.from(bytes).toString("utf8"));
  if (!json.ok) return fail("malformed", `bundle is ${json.reason}`);
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json.value);
  } catch (e) {
    return fail("malformed", `not a sigstore bundle: ${e instanceof Error ? e.message.slice(0, 200) : "invalid"}`);
  }
  const raw = json.value as { dsseEnvelope?: unknown };
  if (bundle.content.$case !== "dsseEnvelope" || !raw.dsseEnvelope) {
    return fail("unsupported", "message-signature bundle: it signs a blob digest, not an attestation statement");
  }
  const material = bundle.verificationMaterial.content;
  if (material.$case === "publicKey") return verifyWithKeys(bundle, raw.dsseEnvelope, material.publicKey.hint, trust.keys, manifestDigest);

  const certBytes = material.$case === "certificate" ? material.certificate.rawBytes : material.x509CertificateChain.certificates[0]?.rawBytes;
  const signer = certBytes ? certificateSigner(certBytes) : null;
  const hints = statementHints(raw.dsseEnvelope);
  if (!trust.sigstoreTrustedRoot) {
    return { ...fail("not-verified", "keyless bundle: no sigstore trusted root is configured (trust.sigstoreTrustedRoot)"), signer, ...hints };
  }
  try {
    const root = TrustedRoot.fromJSON(trust.sigstoreTrustedRoot);
    new Verifier(toTrustMaterial(root)).verify(toSignedEntity(bundle));
  } catch (e) {
    return { ...fail("invalid-signature", `keyless bundle failed verification: ${e instanceof Error ? e.message.slice(0, 200) : "error"}`), signer, ...hints };
  }
  return statementOutcome(raw.dsseEnvelope, signer, manifestDigest);
}

function verifyWithKeys(bundle: Bundle, rawEnvelope: unknown, hint: string, keys: readonly TrustKey[], manifestDigest: string): VerificationOutcome {
  const entity = toSignedEntity(bundle);
  const signedBy = keys.find((k) => {
    try {
      const material = toTrustMaterial(EMPTY_ROOT, () => ({ publicKey: k.key, validFor: () => true }));
      new Verifier(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 }).verify(entity);
      return true;
    } catch {
      return false;
    }
  });
  const hints = statementHints(rawEnvelope);
  const keyId = hint ? { keyId: hint.slice(0, 200) } : {};
  if (!signedBy) {
    const named = keys.find((k) => hint && k.hints.includes(hint));
    if (named) return { ...fail("invalid-signature", `signature does not verify with key "${named.name}" named by the bundle's hint`), signer: keyId, ...hints };
    const sigs = bundle.content.$case === "dsseEnvelope" ? bundle.content.dsseEnvelope.signatures : [];
    if (!sigs.some((s) => isWellFormedSignature(s.sig))) return { ...fail("invalid-signature", "the bundle's signature is not well-formed"), signer: keyId, ...hints };
    const why = keys.length === 0 ? "no trust keys are configured (trust.keys)" : `signed by none of the ${keys.length} configured keys`;
    return { ...fail("untrusted-key", why), signer: keyId, ...hints };
  }
  // @sigstore/verify checked the signature but returns no payload: the statement is read from the same envelope,
  // re-verified with the key that matched so that only signed bytes are parsed.
  const result = verifyDsse(rawEnvelope, [signedBy], manifestDigest);
  return { ...result, signer: { ...result.signer, ...keyId, keyName: signedBy.name } };
}

function statementOutcome(rawEnvelope: unknown, signer: SignerDTO | null, manifestDigest: string): VerificationOutcome {
  const env = rawEnvelope as { payload?: unknown; payloadType?: unknown };
  const body = decodeBase64(env.payload);
  if (!body || env.payloadType !== IN_TOTO_PAYLOAD_TYPE) return { ...fail("malformed", "bundle payload is not an in-toto statement"), signer };
  const st = parseStatement(body);
  if (!st.ok) return { ...fail("malformed", st.reason), signer };
  const s = st.statement;
  const base = { signer, statement: s, predicateTypeHint: s.predicateType, subjectDigests: s.subjectDigests, signedAt: null };
  return s.subjectDigests.includes(manifestDigest)
    ? { ...base, status: "verified", reason: "keyless bundle verified against the configured sigstore trusted root" }
    : { ...base, status: "subject-mismatch", reason: `signed for ${s.subjectDigests.join(", ") || "no sha256 subject"}, not ${manifestDigest}` };
}

function statementHints(rawEnvelope: unknown): { predicateTypeHint: string | null; subjectDigests: string[] } {
  const body = decodeBase64((rawEnvelope as { payload?: unknown })?.payload);
  const st = body ? parseStatement(body) : null;
  return st?.ok ? { predicateTypeHint: st.statement.predicateType.slice(0, 300), subjectDigests: st.statement.subjectDigests } : { predicateTypeHint: null, subjectDigests: [] };
}

function certificateSigner(der: Buffer): SignerDTO | null {
  try {
    const cert = X509Certificate.parse(Buffer.from(der));
    const v2 = cert.extension(OID_FULCIO_ISSUER_V2);
    const issuer = v2 ? v2.valueObj.subs?.[0]?.value.toString("ascii") : cert.extension(OID_FULCIO_ISSUER_V1)?.value.toString("ascii");
    return {
      ...(cert.subjectAltName ? { certificateIdentity: cert.subjectAltName.slice(0, 500) } : {}),
      ...(issuer ? { certificateIssuer: issuer.slice(0, 500) } : {}),
    };
  } catch {
    return null;
  }
}

function fail(status: VerificationOutcome["status"], reason: string): VerificationOutcome {
  return { status, reason, signer: null, statement: null, predicateTypeHint: null, subjectDigests: [], signedAt: null };
}
