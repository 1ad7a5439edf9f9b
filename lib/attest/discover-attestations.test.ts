import { generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createLayoutSource, type LayoutSource } from "@/lib/registry/layout/create-layout-source";
import { attachCosignAtt, attachCosignSig, attachReferrer, type AttachTarget } from "@/scripts/demo-data/attach-attestation";
import { signDsse, statement } from "@/scripts/demo-data/sign-attestation";
import { discoverAttestations } from "./discover-attestations";
import { SCAN_PREDICATE_TYPE } from "./predicate-types";
import { toTrustKey } from "./to-trust-key";
import type { TrustMaterial } from "./trust-types";

const REPO = "demo/model";
let dir: string;
let source: LayoutSource;
let subject: { digest: string; size: number };
let trust: TrustMaterial;
const ci = generateKeyPairSync("ec", { namedCurve: "P-256" });
const stranger = generateKeyPairSync("ed25519");

const scan = (passed: boolean) => ({
  evaluations: [
    {
      tool: { name: "modelscan", version: "0.8.1" },
      metrics: [{ name: "unsafe_operators", value: passed ? 0 : 3, threshold: 0, comparator: "<=" }],
      findings: passed ? [] : [{ id: "PICKLE", severity: "error", message: "<script>alert(1)</script>" }],
      execution: { startedOn: "2026-11-20T11:58:00Z", finishedOn: "2026-11-20T11:59:10Z" },
    },
  ],
});

function target(s: LayoutSource): AttachTarget {
  return {
    putBlob: (b) => s.putBlob(REPO, b),
    putManifest: (ref, b, mt) => s.putManifest(REPO, ref, b, mt),
    getManifest: async (ref) => {
      try {
        return (await s.getManifest(REPO, ref)).bytes;
      } catch (e) {
        if (e instanceof AppError && e.code === "NOT_FOUND") return null;
        throw e;
      }
    },
  };
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-attest-"));
  source = createLayoutSource({ name: "local", root: dir });
  const t = target(source);
  const cfg = await source.putBlob(REPO, new TextEncoder().encode("{}"));
  const mk = new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.manifest.v1+json", config: { mediaType: "application/vnd.kitops.modelkit.config.v1+json", ...cfg }, layers: [] }),
  );
  subject = await source.putManifest(REPO, "1.0.0", mk, "application/vnd.oci.image.manifest.v1+json");
  trust = { keys: [toTrustKey("ci-scanner", ci.publicKey)], sigstoreTrustedRoot: null, notationTrustStore: false };

  await attachCosignAtt(t, subject.digest, [
    { envelope: signDsse(statement(subject.digest, SCAN_PREDICATE_TYPE, scan(true)), ci.privateKey), predicateType: SCAN_PREDICATE_TYPE },
    { envelope: signDsse(statement(subject.digest, SCAN_PREDICATE_TYPE, scan(true)), stranger.privateKey), predicateType: SCAN_PREDICATE_TYPE },
  ]);
  const failing = signDsse(statement(subject.digest, SCAN_PREDICATE_TYPE, scan(false)), ci.privateKey, { dsaEncoding: "ieee-p1363" });
  await attachReferrer(t, subject, Buffer.from(JSON.stringify(failing)), { artifactType: "application/vnd.in-toto+json", layerMediaType: "application/vnd.dsse.envelope.v1+json" });
  const bundle = {
    mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    verificationMaterial: { publicKey: { hint: trust.keys[0]!.hints[1] }, tlogEntries: [] },
    dsseEnvelope: signDsse(statement(`sha256:${"0".repeat(64)}`, "https://spdx.dev/Document", { spdxVersion: "SPDX-2.3" }), ci.privateKey),
  };
  await attachReferrer(t, subject, Buffer.from(JSON.stringify(bundle)), {
    artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    layerMediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    annotations: { "org.opencontainers.image.created": "2026-01-01T00:00:00Z" },
  });
  const payload = Buffer.from(JSON.stringify({ critical: { identity: { "docker-reference": "x" }, image: { "Docker-manifest-digest": subject.digest }, type: "cosign container image signature" }, optional: null }));
  await attachCosignSig(t, subject.digest, payload, sign("sha256", payload, ci.privateKey).toString("base64"));
  const jws = {
    payload: Buffer.from(JSON.stringify({ targetArtifact: { digest: subject.digest, size: subject.size, mediaType: "application/vnd.oci.image.manifest.v1+json" } })).toString("base64url"),
    protected: Buffer.from(JSON.stringify({ alg: "ES256", "io.cncf.notary.signingTime": "2026-02-02T00:00:00Z" })).toString("base64url"),
    header: { x5c: [] },
    signature: "AAAA",
  };
  await attachReferrer(t, subject, Buffer.from(JSON.stringify(jws)), {
    artifactType: "application/vnd.cncf.notary.signature",
    layerMediaType: "application/jose+json",
    annotations: { "io.cncf.notary.x509chain.thumbprint#S256": '["ABCDEF"]' },
  });
  await attachReferrer(t, subject, Buffer.from("{}"), { artifactType: "application/vnd.example.unknown", layerMediaType: "application/octet-stream" });
  // hostile: an "envelope" over the 4 MiB budget is refused before it is read
  await attachReferrer(t, subject, Buffer.alloc(5 * 1024 * 1024, 0x20), { artifactType: "application/vnd.in-toto+json", layerMediaType: "application/vnd.dsse.envelope.v1+json" });
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("discoverAttestations on an OCI layout", () => {
  it("finds every shape and gives each its status", async () => {
    const found = await discoverAttestations(source, REPO, subject.digest, trust);
    const by = (pred: (a: (typeof found)[number]) => boolean) => found.filter(pred);
    expect(found).toHaveLength(8);

    const att = by((a) => a.source === "cosign-att-tag");
    expect(att.map((a) => a.status).sort()).toEqual(["untrusted-key", "verified"]);
    const ok = att.find((a) => a.status === "verified")!;
    expect(ok.predicateType).toBe(SCAN_PREDICATE_TYPE);
    expect(ok.signer?.keyName).toBe("ci-scanner");
    expect(ok.summary).toMatchObject({ passed: true, worstSeverity: null, tools: ["modelscan 0.8.1"] });
    expect(ok.createdAt).toBe("2026-11-20T11:59:10Z");
    expect(att.find((a) => a.status === "untrusted-key")!.predicateType).toBeNull();

    const oversized = by((a) => a.envelope === "dsse" && a.status === "malformed")[0]!;
    expect(oversized.statusReason).toMatch(/limit|exceeds/);
    const failing = by((a) => a.envelope === "dsse" && a.source === "fallback-index" && a.status === "verified")[0]!;
    expect(failing.status).toBe("verified");
    expect(failing.summary).toMatchObject({ passed: false, worstSeverity: "error", metricsFailed: 1 });

    const bundle = by((a) => a.envelope === "sigstore-bundle")[0]!;
    expect(bundle.status).toBe("subject-mismatch");
    expect(bundle.createdAt).toBe("2026-01-01T00:00:00Z");

    const sig = by((a) => a.source === "cosign-sig-tag")[0]!;
    expect(sig).toMatchObject({ status: "verified", envelope: "cosign-simple-signing", predicateType: "cosign container image signature" });

    const notation = by((a) => a.envelope === "notation-jws")[0]!;
    expect(notation).toMatchObject({ status: "not-verified", signer: { thumbprint: "ABCDEF" }, createdAt: "2026-02-02T00:00:00Z" });

    expect(by((a) => a.envelope === "unknown")[0]).toMatchObject({ status: "unsupported" });
  });

  it("reports everything signed by the CI key as untrusted when no keys are configured", async () => {
    const found = await discoverAttestations(source, REPO, subject.digest, { keys: [], sigstoreTrustedRoot: null, notationTrustStore: false });
    expect(found.filter((a) => a.status === "verified")).toHaveLength(0);
    expect(found.filter((a) => a.status === "untrusted-key").length).toBeGreaterThanOrEqual(4);
  });
});
