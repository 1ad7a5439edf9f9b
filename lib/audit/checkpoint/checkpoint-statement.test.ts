import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { pae } from "@/lib/attest/pae";
import { CHECKPOINT_PAYLOAD_TYPE, CHECKPOINT_TYPE, MAX_CHECKPOINT_BYTES, envelopeDigest, openCheckpoint, signCheckpoint, type CheckpointBody } from "./checkpoint-statement";

const h = (c: string) => c.repeat(64);
const body: CheckpointBody = { _type: CHECKPOINT_TYPE, chain: h("a"), seq: 42, hash: h("b"), previous: { seq: 40, hash: h("c"), digest: `sha256:${h("d")}` }, time: "2026-12-02T13:00:00.000Z" };

function keyPair(type: "ec" | "ed25519" | "rsa") {
  const { privateKey, publicKey } =
    type === "ec" ? generateKeyPairSync("ec", { namedCurve: "P-256" }) : type === "rsa" ? generateKeyPairSync("rsa", { modulusLength: 2048 }) : generateKeyPairSync("ed25519");
  return { signer: { keyId: `k-${type}`, key: privateKey }, verifier: { keyId: `k-${type}`, key: publicKey } };
}

describe("audit checkpoint statements", () => {
  it.each(["ec", "ed25519", "rsa"] as const)("%s: signs a DSSE envelope that opens to the same checkpoint", (type) => {
    const { signer, verifier } = keyPair(type);
    const cp = signCheckpoint(body, signer);
    expect(cp.digest).toBe(envelopeDigest(cp.envelope));
    const env = JSON.parse(cp.envelope) as { payloadType: string; payload: string; signatures: { keyid: string }[] };
    expect(env.payloadType).toBe(CHECKPOINT_PAYLOAD_TYPE);
    expect(env.signatures[0]!.keyid).toBe(`k-${type}`);
    // the payload is canonical JSON (sorted keys), so anyone can re-derive the signed bytes
    expect(Buffer.from(env.payload, "base64").toString()).toMatch(/^\{"_type":.*"chain":.*"hash":.*"previous":.*"seq":42,"time":/);
    expect(openCheckpoint(cp.envelope, [verifier])).toEqual({ ok: true, checkpoint: cp });
  });

  it("an edited payload, another key or no key does not open", () => {
    const { signer, verifier } = keyPair("ec");
    const other = keyPair("ec").verifier;
    const cp = signCheckpoint(body, signer);
    const env = JSON.parse(cp.envelope) as { payload: string };
    const forged = JSON.stringify({ ...JSON.parse(cp.envelope), payload: Buffer.from(Buffer.from(env.payload, "base64").toString().replace('"seq":42', '"seq":43')).toString("base64") });
    expect(openCheckpoint(forged, [verifier])).toMatchObject({ ok: false, reason: "signature does not verify with any trusted checkpoint key" });
    expect(openCheckpoint(cp.envelope, [other])).toMatchObject({ ok: false });
    expect(openCheckpoint(cp.envelope, [])).toMatchObject({ ok: false, reason: "no checkpoint key to verify with" });
  });

  it("a validly signed payload that is not a checkpoint, another payload type, or garbage is refused", () => {
    const { signer, verifier } = keyPair("ed25519");
    const payload = Buffer.from(JSON.stringify({ _type: CHECKPOINT_TYPE, seq: -1 }));
    const sig = (type: string) => sign(null, pae(type, payload), signer.key).toString("base64");
    const envelope = (type: string) => JSON.stringify({ payloadType: type, payload: payload.toString("base64"), signatures: [{ keyid: "x", sig: sig(type) }] });
    expect(openCheckpoint(envelope(CHECKPOINT_PAYLOAD_TYPE), [verifier])).toEqual({ ok: false, reason: "signed payload is not a valid checkpoint" });
    expect(openCheckpoint(envelope("application/vnd.in-toto+json"), [verifier])).toMatchObject({ ok: false, reason: "not a Kitgate audit checkpoint envelope" });
    expect(openCheckpoint("{", [verifier])).toMatchObject({ ok: false, reason: "envelope is not JSON" });
    expect(openCheckpoint(" ".repeat(MAX_CHECKPOINT_BYTES + 1), [verifier])).toMatchObject({ ok: false });
  });

  it("refuses to sign a malformed body", () => {
    const { signer } = keyPair("ec");
    expect(() => signCheckpoint({ ...body, hash: "not-hex" }, signer)).toThrow();
  });
});
