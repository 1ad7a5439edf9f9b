import { decodeBase64 } from "./decode-base64";
import { isWellFormedSignature } from "./is-well-formed-signature";
import { MAX_ENVELOPE_BYTES, MAX_SIGNATURES } from "./limits";
import { pae } from "./pae";
import { parseJsonCapped } from "./parse-json-capped";
import { IN_TOTO_PAYLOAD_TYPE, parseStatement } from "./parse-statement";
import type { TrustKey } from "./trust-types";
import type { VerificationOutcome } from "./verification-types";
import { verifyRawSignature } from "./verify-raw-signature";

type Envelope = { payload: Buffer; payloadType: string; signatures: { sig: Buffer; keyid: string }[] };

/**
 * Verifies one DSSE envelope holding an in-toto Statement: every signature against every configured key (`keyid` is an
 * unauthenticated hint, DSSE protocol.md), then parses exactly the verified bytes and matches the subject by digest.
 * `envelope` is the envelope's JSON bytes, or an already-parsed object (the `dsseEnvelope` of a bundle).
 */
export function verifyDsse(envelope: Uint8Array | unknown, keys: readonly TrustKey[], manifestDigest: string): VerificationOutcome {
  const parsed = parseEnvelope(envelope);
  if ("reason" in parsed) return outcome("malformed", parsed.reason);
  const env = parsed;
  const hint = unverifiedHints(env.payload);

  let signedBy: TrustKey | null = null;
  const message = pae(env.payloadType, env.payload);
  for (const { sig } of env.signatures) {
    signedBy = keys.find((k) => verifyRawSignature(k.key, message, sig)) ?? null;
    if (signedBy) break;
  }
  const keyId = env.signatures.find((s) => s.keyid)?.keyid;

  if (!signedBy) {
    const named = keys.find((k) => env.signatures.some((s) => s.keyid && k.hints.includes(s.keyid)));
    if (named) return outcome("invalid-signature", `signature does not verify with key "${named.name}" named by its keyid`, { keyId, ...hint });
    if (!env.signatures.some((s) => isWellFormedSignature(s.sig))) {
      return outcome("invalid-signature", "no signature has the shape of an ECDSA, Ed25519 or RSA signature", { keyId, ...hint });
    }
    const why = keys.length === 0 ? "no trust keys are configured (trust.keys)" : `signed by none of the ${keys.length} configured keys`;
    return outcome("untrusted-key", why, { keyId, ...hint });
  }

  const signer = { keyName: signedBy.name, ...(keyId ? { keyId } : {}) };
  if (env.payloadType !== IN_TOTO_PAYLOAD_TYPE) {
    return { ...outcome("malformed", `payloadType ${JSON.stringify(env.payloadType.slice(0, 100))} is not ${IN_TOTO_PAYLOAD_TYPE}`), signer };
  }
  const st = parseStatement(env.payload);
  if (!st.ok) return { ...outcome("malformed", st.reason), signer };
  const { statement } = st;
  const base = { signer, statement, predicateTypeHint: statement.predicateType, subjectDigests: statement.subjectDigests, signedAt: null };
  if (!statement.subjectDigests.includes(manifestDigest)) {
    return {
      ...base,
      status: "subject-mismatch",
      reason: statement.subjectDigests.length
        ? `signed for ${statement.subjectDigests.join(", ")}, not this ModelKit (${manifestDigest})`
        : "the statement names no sha256 subject",
    };
  }
  return { ...base, status: "verified", reason: `signature verified with key "${signedBy.name}"` };
}

function parseEnvelope(input: unknown): Envelope | { reason: string } {
  let raw = input;
  if (input instanceof Uint8Array) {
    if (input.length > MAX_ENVELOPE_BYTES) return { reason: `envelope is larger than ${MAX_ENVELOPE_BYTES} bytes` };
    const json = parseJsonCapped(Buffer.from(input).toString("utf8"));
    if (!json.ok) return { reason: `envelope is ${json.reason}` };
    raw = json.value;
  }
  const e = raw as Record<string, unknown> | null;
  if (!e || typeof e !== "object" || Array.isArray(e)) return { reason: "envelope is not a JSON object" };
  if (typeof e.payloadType !== "string") return { reason: "envelope has no payloadType" };
  const payload = decodeBase64(e.payload);
  if (!payload) return { reason: "envelope payload is not valid base64" };
  if (!Array.isArray(e.signatures) || e.signatures.length === 0) return { reason: "envelope has no signatures" };
  if (e.signatures.length > MAX_SIGNATURES) return { reason: `envelope has more than ${MAX_SIGNATURES} signatures` };
  const signatures: Envelope["signatures"] = [];
  for (const s of e.signatures as Record<string, unknown>[]) {
    const sig = decodeBase64(s?.sig);
    if (!sig || sig.length === 0) return { reason: "a signature is not valid base64" };
    signatures.push({ sig, keyid: typeof s.keyid === "string" ? s.keyid.slice(0, 200) : "" });
  }
  return { payload, payloadType: e.payloadType, signatures };
}

/** Predicate type and subjects of a payload whose signature did not verify: shown as hints, never trusted. */
function unverifiedHints(payload: Buffer): { predicateTypeHint: string | null; subjectDigests: string[] } {
  const st = parseStatement(payload);
  return st.ok
    ? { predicateTypeHint: st.statement.predicateType.slice(0, 300), subjectDigests: st.statement.subjectDigests }
    : { predicateTypeHint: null, subjectDigests: [] };
}

function outcome(
  status: VerificationOutcome["status"],
  reason: string,
  extra: { keyId?: string; predicateTypeHint?: string | null; subjectDigests?: string[] } = {},
): VerificationOutcome {
  return {
    status,
    reason,
    signer: extra.keyId ? { keyId: extra.keyId } : null,
    statement: null,
    predicateTypeHint: extra.predicateTypeHint ?? null,
    subjectDigests: extra.subjectDigests ?? [],
    signedAt: null,
  };
}
