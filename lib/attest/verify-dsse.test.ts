import { createPublicKey, generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signDsse, statement } from "@/scripts/demo-data/sign-attestation";
import {
  COSIGN_BLOB_SHA256,
  COSIGN_PUBKEY,
  COSIGN_SLSA_ENVELOPE,
  DSSE_SPEC_ENVELOPE,
  DSSE_SPEC_X,
  DSSE_SPEC_Y,
} from "@/test/attest/outside-vectors";
import { pae } from "./pae";
import { toTrustKey } from "./to-trust-key";
import { verifyDsse } from "./verify-dsse";
import { verifyRawSignature } from "./verify-raw-signature";

const SUBJECT = `sha256:${"ab".repeat(32)}`;
const bytes = (o: unknown) => Buffer.from(typeof o === "string" ? o : JSON.stringify(o));
const b64url = (n: bigint) => Buffer.from(n.toString(16).padStart(64, "0"), "hex").toString("base64url");

describe("verifyDsse with outside vectors", () => {
  it("verifies cosign's key-signed SLSA attestation and trusts its signed predicateType", () => {
    const r = verifyDsse(bytes(COSIGN_SLSA_ENVELOPE), [toTrustKey("cosign-test", COSIGN_PUBKEY)], COSIGN_BLOB_SHA256);
    expect(r.status).toBe("verified");
    expect(r.signer?.keyName).toBe("cosign-test");
    expect(r.statement?.predicateType).toBe("https://slsa.dev/provenance/v0.2");
  });

  it("reports cosign's attestation as subject-mismatch for another ModelKit digest", () => {
    const r = verifyDsse(bytes(COSIGN_SLSA_ENVELOPE), [toTrustKey("cosign-test", COSIGN_PUBKEY)], SUBJECT);
    expect(r.status).toBe("subject-mismatch");
    expect(r.reason).toContain(COSIGN_BLOB_SHA256);
  });

  it("tries every configured key: an unrelated key first does not hide the right one", () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const r = verifyDsse(bytes(COSIGN_SLSA_ENVELOPE), [toTrustKey("other", other), toTrustKey("cosign", COSIGN_PUBKEY)], COSIGN_BLOB_SHA256);
    expect(r.signer?.keyName).toBe("cosign");
  });

  it("reports untrusted-key when the cosign envelope is checked against a different key", () => {
    const other = generateKeyPairSync("ec", { namedCurve: "P-256" }).publicKey;
    const r = verifyDsse(bytes(COSIGN_SLSA_ENVELOPE), [toTrustKey("other", other)], COSIGN_BLOB_SHA256);
    expect(r.status).toBe("untrusted-key");
    expect(r.statement).toBeNull();
    expect(r.predicateTypeHint).toBe("https://slsa.dev/provenance/v0.2");
  });

  it("checks the DSSE spec's P-256 IEEE-P1363 vector (PAE and raw r||s)", () => {
    expect(pae("http://example.com/HelloWorld", Buffer.from("hello world")).toString()).toBe(
      "DSSEv1 29 http://example.com/HelloWorld 11 hello world",
    );
    const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: b64url(DSSE_SPEC_X), y: b64url(DSSE_SPEC_Y) }, format: "jwk" });
    const sig = Buffer.from(DSSE_SPEC_ENVELOPE.signatures[0]!.sig, "base64");
    expect(verifyRawSignature(key, pae(DSSE_SPEC_ENVELOPE.payloadType, Buffer.from("hello world")), sig)).toBe(true);
    // Signature valid, but the payload is not an in-toto statement: never trusted as an attestation.
    const r = verifyDsse(DSSE_SPEC_ENVELOPE, [toTrustKey("spec", key)], SUBJECT);
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
