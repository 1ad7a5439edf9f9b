import { createHash, sign, type KeyObject } from "node:crypto";
import canonicalize from "canonicalize";
import { z } from "zod";
import { decodeBase64 } from "@/lib/attest/decode-base64";
import { pae } from "@/lib/attest/pae";
import { verifyRawSignature } from "@/lib/attest/verify-raw-signature";

/** DSSE payload type of a checkpoint: what the signature covers (with the payload, via PAE). */
export const CHECKPOINT_PAYLOAD_TYPE = "application/vnd.kitgate.audit-checkpoint.v1+json";
export const CHECKPOINT_TYPE = "https://kitgate.dev/audit-checkpoint/v1";
/** An envelope is ~1 KiB; anything much larger is not one of ours (and is not parsed). */
export const MAX_CHECKPOINT_BYTES = 64 * 1024;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const bodySchema = z.strictObject({
  _type: z.literal(CHECKPOINT_TYPE),
  /** hash of row 1: names the chain, so a checkpoint of another Kitgate (same key) is not mistaken for ours */
  chain: hex64,
  /** the chain is sealed up to and including this row */
  seq: z.number().int().positive(),
  /** hash of the row at `seq` */
  hash: hex64,
  /** the checkpoint before this one: deleting one from a store breaks the link */
  previous: z.strictObject({ seq: z.number().int().positive(), hash: hex64, digest: z.string().regex(/^sha256:[0-9a-f]{64}$/) }).nullable(),
  /** when it was signed (ISO 8601, UTC) */
  time: z.iso.datetime(),
});

export type CheckpointBody = z.infer<typeof bodySchema>;

export interface SignedCheckpoint extends CheckpointBody {
  /** `sha256:<hex>` of the envelope text */
  digest: string;
  /** the DSSE envelope as JSON text, exactly as published */
  envelope: string;
  /** hex sha256 prefix of the signer's DER SPKI (the envelope's `keyid`) */
  keyId: string;
}

export interface CheckpointKey {
  keyId: string;
  key: KeyObject;
}

export const envelopeDigest = (envelope: string) => `sha256:${createHash("sha256").update(envelope, "utf8").digest("hex")}`;

/**
 * Signs a checkpoint as a DSSE envelope (the format in-toto and cosign use): the signature covers
 * PAE(payloadType, payload) where the payload is the RFC 8785 canonical JSON of the body. ECDSA and RSA sign SHA-256,
 * Ed25519 signs the message itself — the same rules as the approval statements.
 */
export function signCheckpoint(body: CheckpointBody, signer: { keyId: string; key: KeyObject }): SignedCheckpoint {
  const payload = Buffer.from(canonicalize(bodySchema.parse(body))!, "utf8");
  const alg = signer.key.asymmetricKeyType === "ed25519" ? null : "sha256";
  const sig = sign(alg, pae(CHECKPOINT_PAYLOAD_TYPE, payload), signer.key);
  const envelope = JSON.stringify({
    payloadType: CHECKPOINT_PAYLOAD_TYPE,
    payload: payload.toString("base64"),
    signatures: [{ keyid: signer.keyId, sig: sig.toString("base64") }],
  });
  return { ...body, digest: envelopeDigest(envelope), envelope, keyId: signer.keyId };
}

export type OpenedCheckpoint = { ok: true; checkpoint: SignedCheckpoint } | { ok: false; reason: string };

/**
 * Verifies an envelope against the trusted public keys and returns the checkpoint it signs. Every signature is tried
 * with every key (the `keyid` is only a hint, as DSSE says); only the verified payload bytes are parsed.
 */
export function openCheckpoint(envelope: string, keys: readonly CheckpointKey[]): OpenedCheckpoint {
  if (envelope.length > MAX_CHECKPOINT_BYTES) return { ok: false, reason: `envelope is larger than ${MAX_CHECKPOINT_BYTES} bytes` };
  let raw: unknown;
  try {
    raw = JSON.parse(envelope);
  } catch {
    return { ok: false, reason: "envelope is not JSON" };
  }
  const e = raw as { payloadType?: unknown; payload?: unknown; signatures?: unknown };
  if (!e || typeof e !== "object" || e.payloadType !== CHECKPOINT_PAYLOAD_TYPE) return { ok: false, reason: "not a Kitgate audit checkpoint envelope" };
  const payload = decodeBase64(e.payload);
  if (!payload) return { ok: false, reason: "payload is not base64" };
  if (!Array.isArray(e.signatures) || e.signatures.length === 0 || e.signatures.length > 4) return { ok: false, reason: "no signatures" };
  const message = pae(CHECKPOINT_PAYLOAD_TYPE, payload);
  let signer: CheckpointKey | undefined;
  for (const s of e.signatures as { sig?: unknown }[]) {
    const sig = decodeBase64(s?.sig);
    if (!sig) continue;
    signer = keys.find((k) => verifyRawSignature(k.key, message, sig));
    if (signer) break;
  }
  if (!signer) return { ok: false, reason: keys.length ? "signature does not verify with any trusted checkpoint key" : "no checkpoint key to verify with" };
  let body: CheckpointBody;
  try {
    body = bodySchema.parse(JSON.parse(payload.toString("utf8")));
  } catch {
    return { ok: false, reason: "signed payload is not a valid checkpoint" };
  }
  return { ok: true, checkpoint: { ...body, digest: envelopeDigest(envelope), envelope, keyId: signer.keyId } };
}
