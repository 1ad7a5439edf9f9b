// Signed attestations for the demo registry: a passing scan and an SPDX SBOM on fraud-detection 1.1.0, a failing scan on
// 1.0.0, signed with a demo key generated on first use under `data/keys/` (never committed). kitgate.yaml trusts it as
// `ci-scanner`. Layouts as the tools write them: cosign's `.att` tag, an OCI referrer in the fallback index, and a
// key-based sigstore bundle v0.3 referrer.
import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from "node:crypto";
import { chmod, mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { toTrustKey } from "@/lib/attest/to-trust-key";
import { AppError } from "@/lib/errors";
import type { LayoutSource } from "@/lib/registry/layout/create-layout-source";
import { signDsse, statement } from "./sign-attestation";
import { attachCosignAtt, attachReferrer, type AttachTarget } from "./attach-attestation";

export const DEMO_KEY_NAME = "ci-scanner";
const SCAN = "https://kitops.org/attestation/scan/v1";
const REPO = "demo/fraud-detection";

/**
 * Loads the demo signing key from `keysDir`, creating it (private key mode 0600) on first use. Ed25519 because its
 * signatures are deterministic: re-running the demo writes the same referrer digests instead of piling up copies.
 */
async function demoKey(keysDir: string): Promise<KeyObject> {
  const priv = path.join(keysDir, `${DEMO_KEY_NAME}.key`);
  try {
    return createPrivateKey(await readFile(priv, "utf8"));
  } catch {
    await mkdir(keysDir, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    await writeFile(priv, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    await chmod(priv, 0o600);
    await writeFile(path.join(keysDir, `${DEMO_KEY_NAME}.pub`), publicKey.export({ type: "spki", format: "pem" }));
    return privateKey;
  }
}

function scanPredicate(reference: string, digest: string, passing: boolean) {
  return {
    modelkit: { reference, digest },
    evaluations: [
      {
        tool: { name: "modelscan", version: "0.8.1" },
        metrics: [{ name: "unsafe_operators", value: passing ? 0 : 2, threshold: 0, comparator: "<=", passed: passing }],
        findings: passing
          ? [{ id: "MS-INFO-1", severity: "info", message: "Model saved with joblib (pickle protocol 4)", location: "model/model.joblib" }]
          : [
              { id: "MS-PICKLE-EXEC", severity: "error", message: "Pickle opcode GLOBAL imports os.system", location: "model/model.joblib" },
              { id: "PII-EMAIL", severity: "concern", message: "E-mail addresses in training data", location: "data/train.csv:120" },
            ],
        execution: { startedOn: "2026-11-20T11:58:00Z", finishedOn: "2026-11-20T11:59:10Z", configuration: { tier: "standard" } },
      },
      {
        tool: { name: "dependency-scan", version: "2.3.0" },
        metrics: [{ name: "critical_cves", value: 0, threshold: 0, comparator: "<=", passed: true }],
        findings: [{ id: "CVE-2025-0001", severity: "anomaly", message: "scikit-learn 1.4.0: low-impact DoS in a parser", location: "code/requirements.txt" }],
        execution: { startedOn: "2026-11-20T11:59:10Z", finishedOn: "2026-11-20T12:00:02Z", configuration: { database: "2026-11-20" } },
      },
    ],
    metadata: { total_issues_by_severity: passing ? { info: 1, anomaly: 1, concern: 0, error: 0 } : { info: 0, anomaly: 1, concern: 1, error: 1 } },
  };
}

/** Attaches the demo attestations to the demo layout written by `writeDemoData`; returns the public key path. */
export async function attachDemoAttestations(layout: LayoutSource, keysDir: string): Promise<{ publicKeyFile: string; attached: string[] }> {
  const key = await demoKey(keysDir);
  const hint = toTrustKey(DEMO_KEY_NAME, createPublicKey(key)).hints[1];
  const target: AttachTarget = {
    putBlob: (b) => layout.putBlob(REPO, b),
    putManifest: (ref, b, mt) => layout.putManifest(REPO, ref, b, mt),
    getManifest: async (ref) => {
      try {
        return (await layout.getManifest(REPO, ref)).bytes;
      } catch (e) {
        if (e instanceof AppError && e.code === "NOT_FOUND") return null;
        throw e;
      }
    },
  };
  const v110 = await layout.resolve(REPO, "1.1.0");
  const v100 = await layout.resolve(REPO, "1.0.0");
  const ref = `local/${REPO}`;
  const attached: string[] = [];

  const passing = signDsse(statement(v110.digest, SCAN, scanPredicate(ref, v110.digest, true)), key, { keyid: hint });
  await attachCosignAtt(target, v110.digest, [{ envelope: passing, predicateType: SCAN }]);
  attached.push(`${REPO}:1.1.0 scan (pass) as cosign .att`);

  const sbom = {
    spdxVersion: "SPDX-2.3",
    name: "fraud-detection-1.1.0",
    packages: [
      { name: "scikit-learn", versionInfo: "1.4.0", licenseConcluded: "BSD-3-Clause" },
      { name: "numpy", versionInfo: "1.26.4", licenseConcluded: "BSD-3-Clause" },
      { name: "pandas", versionInfo: "2.2.0", licenseConcluded: "BSD-3-Clause" },
      { name: "joblib", versionInfo: "1.3.2", licenseConcluded: "BSD-3-Clause" },
    ],
  };
  const bundle = {
    mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    verificationMaterial: { publicKey: { hint }, tlogEntries: [] },
    dsseEnvelope: signDsse(statement(v110.digest, "https://spdx.dev/Document", sbom), key),
  };
  await attachReferrer(target, v110, Buffer.from(JSON.stringify(bundle)), {
    artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    layerMediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    annotations: { "dev.sigstore.bundle.content": "dsse-envelope", "dev.sigstore.bundle.predicateType": "https://spdx.dev/Document", "org.opencontainers.image.created": "2026-11-20T12:05:00Z" },
  });
  attached.push(`${REPO}:1.1.0 SPDX SBOM as sigstore bundle referrer`);

  const failing = signDsse(statement(v100.digest, SCAN, scanPredicate(ref, v100.digest, false)), key, { keyid: hint });
  await attachReferrer(target, v100, Buffer.from(JSON.stringify(failing)), {
    artifactType: "application/vnd.in-toto+json",
    layerMediaType: "application/vnd.dsse.envelope.v1+json",
  });
  attached.push(`${REPO}:1.0.0 scan (fail) as OCI referrer (fallback index)`);
  return { publicKeyFile: path.join(keysDir, `${DEMO_KEY_NAME}.pub`), attached };
}
