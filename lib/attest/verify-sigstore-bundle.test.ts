import { generateKeyPairSync } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { signDsse, statement } from "@/scripts/demo-data/sign-attestation";
import { opensslDsse, opensslP256 } from "@/test/attest/openssl-signed";
import { toTrustKey } from "./to-trust-key";
import type { TrustMaterial } from "./trust-types";
import { verifySigstoreBundle } from "./verify-sigstore-bundle";

const SUBJECT = `sha256:${"cd".repeat(32)}`;
const trustOf = (...keys: ReturnType<typeof toTrustKey>[]): TrustMaterial => ({ keys, sigstoreTrustedRoot: null, notationTrustStore: false });
const bytes = (o: unknown) => Buffer.from(JSON.stringify(o));
const bundleOf = (dsseEnvelope: unknown, hint = "k") => ({
  mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
  verificationMaterial: { publicKey: { hint }, tlogEntries: [] },
  dsseEnvelope,
});

describe("verifySigstoreBundle", () => {
  const openssl = opensslP256();
  afterAll(() => openssl.dispose());
  // A v0.1 bundle with a public-key hint and a text/plain DSSE payload, signed by openssl rather than by Kitgate.
  const noteBundle = {
    mediaType: "application/vnd.dev.sigstore.bundle+json;version=0.1",
    verificationMaterial: { publicKey: { hint: "key-1" }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
    dsseEnvelope: opensslDsse(openssl, "text/plain", "release notes for build 7"),
  };

  it("verifies an openssl-signed v0.1 bundle's signature, then refuses its text/plain payload as an attestation", () => {
    const r = verifySigstoreBundle(bytes(noteBundle), trustOf(toTrustKey("key-1", openssl.publicKeyPem)), SUBJECT);
    expect(r.signer?.keyName).toBe("key-1");
    expect(r.status).toBe("malformed");
    expect(r.reason).toContain("payloadType");
  });

  it("reports that bundle as invalid-signature when its hint names the configured key but the payload changed", () => {
    const tampered = structuredClone(noteBundle);
    tampered.dsseEnvelope.payload = Buffer.from("release notes for build 8").toString("base64");
    const r = verifySigstoreBundle(bytes(tampered), trustOf(toTrustKey("key-1", openssl.publicKeyPem)), SUBJECT);
    expect(r.status).toBe("invalid-signature");
  });

  const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const key = toTrustKey("ci", pair.publicKey);

  it("verifies a key-signed v0.3 bundle and matches the subject", () => {
    const env = signDsse(statement(SUBJECT, "https://cosign.sigstore.dev/attestation/vuln/v1", { scanner: { uri: "trivy" } }), pair.privateKey);
    const r = verifySigstoreBundle(bytes(bundleOf(env, key.hints[1])), trustOf(key), SUBJECT);
    expect(r.status).toBe("verified");
    expect(r.statement?.predicateType).toBe("https://cosign.sigstore.dev/attestation/vuln/v1");
    expect(r.signer).toMatchObject({ keyName: "ci", keyId: key.hints[1] });
  });

  it("reports untrusted-key for a bundle from an unknown key", () => {
    const env = signDsse(statement(SUBJECT, "x", {}), generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey);
    expect(verifySigstoreBundle(bytes(bundleOf(env)), trustOf(key), SUBJECT).status).toBe("untrusted-key");
  });

  it("reports malformed for JSON that is not a bundle", () => {
    const r = verifySigstoreBundle(bytes({ mediaType: "nope" }), trustOf(key), SUBJECT);
    expect(r.status).toBe("malformed");
  });

  it("reports not-verified, with the payload's hints, for a keyless bundle without a trusted root", () => {
    const env = signDsse(statement(SUBJECT, "https://slsa.dev/provenance/v1", {}), pair.privateKey);
    const b = { ...bundleOf(env), verificationMaterial: { certificate: { rawBytes: Buffer.from("not a cert").toString("base64") }, tlogEntries: [] } };
    const r = verifySigstoreBundle(bytes(b), trustOf(key), SUBJECT);
    expect(r.status).toBe("not-verified");
    expect(r.predicateTypeHint).toBe("https://slsa.dev/provenance/v1");
    expect(r.statement).toBeNull();
  });
});
