import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { signDsse, statement } from "@/scripts/demo-data/sign-attestation";
import { opensslDsse, opensslP256, sha256Of, slsaStatement } from "@/test/attest/openssl-signed";
import { pae } from "./pae";
import { toTrustKey } from "./to-trust-key";
import { verifyDsse } from "./verify-dsse";
import { verifyRawSignature } from "./verify-raw-signature";

const SUBJECT = `sha256:${"ab".repeat(32)}`;
const bytes = (o: unknown) => Buffer.from(typeof o === "string" ? o : JSON.stringify(o));

/** An ASN.1 DER ECDSA signature (SEQUENCE of two INTEGERs) as raw r‖s, each padded to 32 bytes. */
function derToRaw(der: Buffer): Buffer {
  const ints: Buffer[] = [];
  let at = der[1]! & 0x80 ? 2 + (der[1]! & 0x7f) : 2;
  while (ints.length < 2) {
    const len = der[at + 1]!;
    const value = der.subarray(at + 2, at + 2 + len);
    ints.push(Buffer.concat([Buffer.alloc(32), value.subarray(value[0] === 0 ? 1 : 0)]).subarray(-32));
    at += 2 + len;
  }
  return Buffer.concat(ints);
}

describe("verifyDsse with an envelope signed by openssl", () => {
  const signer = opensslP256();
  afterAll(() => signer.dispose());
  const blob = "churn model weights, build 7";
  const envelope = opensslDsse(signer, "application/vnd.in-toto+json", slsaStatement(blob));

  it("verifies a key-signed SLSA attestation (DER ECDSA, as cosign writes) and trusts its signed predicateType", () => {
    const r = verifyDsse(bytes(envelope), [toTrustKey("ci-openssl", signer.publicKeyPem)], sha256Of(blob));
    expect(r.status).toBe("verified");
    expect(r.signer?.keyName).toBe("ci-openssl");
    expect(r.statement?.predicateType).toBe("https://slsa.dev/provenance/v0.2");
  });

  it("reports the attestation as subject-mismatch for another ModelKit digest", () => {
    const r = verifyDsse(bytes(envelope), [toTrustKey("ci-openssl", signer.publicKeyPem)], SUBJECT);
    expect(r.status).toBe("subject-mismatch");
    expect(r.reason).toContain(sha256Of(blob));
  });

  it("tries every configured key: an unrelated key first does not hide the right one", () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const r = verifyDsse(bytes(envelope), [toTrustKey("other", other), toTrustKey("ci", signer.publicKeyPem)], sha256Of(blob));
    expect(r.signer?.keyName).toBe("ci");
  });

  it("reports untrusted-key when the envelope is checked against a different key", () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const r = verifyDsse(bytes(envelope), [toTrustKey("other", other)], sha256Of(blob));
    expect(r.status).toBe("untrusted-key");
    expect(r.statement).toBeNull();
    expect(r.predicateTypeHint).toBe("https://slsa.dev/provenance/v0.2");
  });

  it("signs the DSSE pre-authentication encoding, not the bare payload", () => {
    expect(pae("https://example.org/Note", Buffer.from("ship it")).toString()).toBe("DSSEv1 24 https://example.org/Note 7 ship it");
    const bare = { ...envelope, signatures: [{ keyid: "", sig: signer.sign(Buffer.from(JSON.stringify(slsaStatement(blob)))).toString("base64") }] };
    // no configured key verifies it (the envelope names no keyid, so none can be blamed for a bad signature)
    expect(verifyDsse(bytes(bare), [toTrustKey("ci", signer.publicKeyPem)], sha256Of(blob)).status).toBe("untrusted-key");
  });

  it("verifies openssl's signature given as raw r||s (IEEE P1363) against a key given as JWK coordinates", () => {
    const data = pae("https://example.org/Note", Buffer.from("ship it"));
    const jwk = createPublicKey(signer.publicKeyPem).export({ format: "jwk" });
    const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: jwk.x!, y: jwk.y! }, format: "jwk" });
    const raw = derToRaw(signer.sign(data));
    expect(raw).toHaveLength(64);
    expect(verifyRawSignature(key, data, raw)).toBe(true);
    raw[10] = raw[10]! ^ 1;
    expect(verifyRawSignature(key, data, raw)).toBe(false);
  });

  it("a valid signature over a payload that is not an in-toto statement is never trusted as an attestation", () => {
    const note = opensslDsse(signer, "https://example.org/Note", "ship it");
    const r = verifyDsse(note, [toTrustKey("ci", signer.publicKeyPem)], SUBJECT);
    expect(r.status).toBe("malformed");
    expect(r.reason).toContain("payloadType");
  });
});

describe("verifyDsse with self-made keys", () => {
  const cases = [
    ["P-256 DER", generateKeyPairSync("ec", { namedCurve: "P-256" }), { dsaEncoding: "der" as const }],
    ["P-256 P1363", generateKeyPairSync("ec", { namedCurve: "P-256" }), { dsaEncoding: "ieee-p1363" as const }],
    ["P-384 DER", generateKeyPairSync("ec", { namedCurve: "P-384" }), { dsaEncoding: "der" as const }],
    ["Ed25519", generateKeyPairSync("ed25519"), {}],
    ["RSA PKCS#1 v1.5", generateKeyPairSync("rsa", { modulusLength: 2048 }), {}],
    ["RSA PSS", generateKeyPairSync("rsa", { modulusLength: 2048 }), { pss: true }],
  ] as const;
  for (const [label, pair, opts] of cases) {
    it(`verifies ${label}`, () => {
      const env = signDsse(statement(SUBJECT, "https://example.com/p", { ok: true }), pair.privateKey, opts);
      const r = verifyDsse(bytes(env), [toTrustKey("k", pair.publicKey)], SUBJECT);
      expect(r.status).toBe("verified");
      expect(r.statement?.predicate).toEqual({ ok: true });
    });
  }

  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const trust = [toTrustKey("ci", pair.publicKey)];

  it("reports invalid-signature when the payload was tampered and the keyid names a configured key", () => {
    const env = signDsse(statement(SUBJECT, "https://example.com/p", { passed: false }), pair.privateKey, { keyid: trust[0]!.hints[1] });
    const forged = { ...env, payload: Buffer.from(JSON.stringify(statement(SUBJECT, "https://example.com/p", { passed: true }))).toString("base64") };
    const r = verifyDsse(bytes(forged), trust, SUBJECT);
    expect(r.status).toBe("invalid-signature");
    expect(r.statement).toBeNull();
  });

  it("reports invalid-signature when a tampered payloadType breaks the signature", () => {
    const env = signDsse(statement(SUBJECT, "https://example.com/p", {}), pair.privateKey, { keyid: "ci" });
    expect(verifyDsse(bytes({ ...env, payloadType: "text/plain" }), trust, SUBJECT).status).toBe("invalid-signature");
  });

  it("reports malformed for a signed payload with the wrong payloadType", () => {
    const env = signDsse(statement(SUBJECT, "https://example.com/p", {}), pair.privateKey, { payloadType: "application/json" });
    const r = verifyDsse(bytes(env), trust, SUBJECT);
    expect(r.status).toBe("malformed");
    expect(r.signer?.keyName).toBe("ci");
  });

  it("takes predicateType only from the signed payload", () => {
    const env = signDsse(statement(SUBJECT, "https://kitops.org/attestation/scan/v1", {}), pair.privateKey);
    const r = verifyDsse(bytes({ ...env, predicateType: "https://evil.example/pass" }), trust, SUBJECT);
    expect(r.statement?.predicateType).toBe("https://kitops.org/attestation/scan/v1");
  });

  it.each([
    ["invalid base64 payload", (e: Record<string, unknown>) => ({ ...e, payload: "%%%not-base64%%%" }), "base64"],
    ["invalid base64 signature", (e: Record<string, unknown>) => ({ ...e, signatures: [{ sig: "***" }] }), "base64"],
    ["no signatures", (e: Record<string, unknown>) => ({ ...e, signatures: [] }), "no signatures"],
    ["not an object", () => [1, 2, 3], "not a JSON object"],
  ])("reports malformed for %s", (_label, mutate, reason) => {
    const env = signDsse(statement(SUBJECT, "https://example.com/p", {}), pair.privateKey);
    const r = verifyDsse(bytes(mutate(env)), trust, SUBJECT);
    expect(r.status).toBe("malformed");
    expect(r.reason).toContain(reason);
  });

  it("reports malformed, without crashing, for deeply nested JSON", () => {
    const deep = "[".repeat(100_000) + "]".repeat(100_000);
    expect(verifyDsse(bytes(deep), trust, SUBJECT).status).toBe("malformed");
    const env = signDsse(Buffer.from(`{"_type":"https://in-toto.io/Statement/v1","predicateType":"x","subject":[],"predicate":${deep}}`), pair.privateKey);
    const r = verifyDsse(bytes(env), trust, SUBJECT);
    expect(r.status).toBe("malformed");
    expect(r.reason).toContain("deeper");
  });

  it("reports malformed for an oversized envelope", () => {
    const r = verifyDsse(new Uint8Array(5 * 1024 * 1024), trust, SUBJECT);
    expect(r.status).toBe("malformed");
    expect(r.reason).toContain("larger than");
  });

  it("reports untrusted-key when nothing is configured", () => {
    const env = signDsse(statement(SUBJECT, "https://example.com/p", {}), pair.privateKey);
    const r = verifyDsse(bytes(env), [], SUBJECT);
    expect(r.status).toBe("untrusted-key");
    expect(r.reason).toContain("no trust keys");
  });
});
