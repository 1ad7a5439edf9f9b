// The hostile-registry world shared by the suite (test/hostile-registry) and `npm run bench:registry`: a real
// docker-registry holding the demo ModelKits (with their signatures) and hostile fixtures, one front per fault, a
// hosted-registry front, and the kitgate.yaml that names them all.
import { createPrivateKey, createPublicKey, generateKeyPairSync, sign } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { toTrustKey } from "@/lib/attest/to-trust-key";
import { AppError } from "@/lib/errors";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { fetchManifest } from "@/lib/oci/client/fetch-manifest";
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import type { OciContext } from "@/lib/oci/client/types";
import { resolveManifest } from "@/lib/oci/client/resolve-manifest";
import { attachCosignAtt, attachCosignSig, attachReferrer, type AttachTarget } from "@/scripts/demo-data/attach-attestation";
import { signDsse, statement } from "@/scripts/demo-data/sign-attestation";
import { createLayoutSource } from "@/lib/registry/layout/create-layout-source";
import { attachDemoAttestations } from "@/scripts/demo-data/attest-demo";
import { packModelKit, writeDemoData } from "@/test/support/fixtures/modelkits";
import { copyLayoutToRegistry } from "@/test/support/registry/copy-layout-to-registry";
import { startFaultFront, startHostedFront, type Fault, type RegistryFront } from "@/test/support/registry/hostile-front";
import { pushModelKit } from "@/test/support/registry/push-modelkit";
import { startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";

/** Registry name in kitgate.yaml → the front's behaviour. `dist` is distribution itself, passed through. */
export const FAULTS: Record<string, Fault> = {
  dist: "none",
  "f503-once": "blob-503-once",
  "f503-always": "blob-503-always",
  f429: "blob-429-retry-after",
  slow: "blob-slow-body",
  reset: "blob-reset-mid-body",
  loop: "blob-redirect-loop",
  "flip-last": "flip-last-byte",
  "flip-middle": "flip-middle-byte",
  "lying-digest": "lying-content-digest",
  "other-manifest": "manifest-under-other-digest",
  claimer: "claims-every-digest",
};

export const README = `# Hostile fixture\n\n${"This line is what the registry stored. ".repeat(400)}\n`;
export const NOTES = `${"Notes of a large uncompressed layer, read by Range above the whole-read limit. ".repeat(20_000)}\n`;
/** versions of `bench/many`, each its own digest (the versions page shows 25) */
export const MANY_VERSIONS = 25;

export interface HostileWorld {
  dir: string;
  configPath: string;
  registry: RunningRegistry;
  fronts: Map<string, RegistryFront & { setFault(f: Fault): void; reset(): void }>;
  hosted: Awaited<ReturnType<typeof startHostedFront>>;
  /** repository → manifest digest of its `1.0` */
  digests: Record<string, string>;
  stop(): Promise<void>;
}

const kitfile = (name: string, version = "1.0") => ({
  manifestVersion: "1.0.0",
  package: { name, version },
  code: [{ path: "src" }],
  docs: [{ path: "docs" }],
});

export async function startHostileWorld(opts: { requestSeconds: number; upstreamSeconds: number }): Promise<HostileWorld> {
  const dir = await mkdtemp(path.join(tmpdir(), "kitgate-hostile-"));
  const registry = await startRegistry({ mode: "anonymous" });
  const fronts: HostileWorld["fronts"] = new Map();
  let hosted: HostileWorld["hosted"] | undefined;
  const stop = async () => {
    await Promise.all([...fronts.values()].map((f) => f.stop()));
    await hosted?.stop();
    await registry.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const ctx = createOciContext({ url: registry.url });
    const layout = path.join(dir, "layout");
    await writeDemoData(layout);
    const { publicKeyFile } = await attachDemoAttestations(createLayoutSource({ name: "demo", root: layout }), path.join(dir, "keys"));
    await copyLayoutToRegistry(layout, ctx);
    await attachEverySignature(ctx, "demo/churn-model", path.join(dir, "keys"));

    const digests: Record<string, string> = {};
    for (const [repo, compression] of [["hostile/files", "none"], ["hostile/gzip", "gzip"], ["hostile/zstd", "zstd"]] as const) {
      const packed = await packModelKit({
        kitfile: kitfile(repo.split("/")[1]!),
        files: { "docs/README.md": README, "src/main.py": "print('hello')\n" },
        style: "kit",
        compression,
      });
      digests[repo] = await pushModelKit(ctx, repo, ["1.0"], packed);
    }
    const big = await packModelKit({ kitfile: kitfile("big"), files: { "src/notes.txt": NOTES, "docs/README.md": README }, style: "kit", compression: "none" });
    digests["hostile/big"] = await pushModelKit(ctx, "hostile/big", ["1.0"], big);
    for (let i = 1; i <= MANY_VERSIONS; i++) {
      const version = `1.${i}.0`;
      const packed = await packModelKit({
        kitfile: kitfile("many", version),
        files: { "docs/README.md": `# many ${version}\n`, "src/main.py": `VERSION = "${version}"\n` },
        style: "kit",
        compression: "none",
      });
      await pushModelKit(ctx, "bench/many", [version], packed);
    }

    for (const [name, fault] of Object.entries(FAULTS)) fronts.set(name, await startFaultFront(registry.url, fault));
    hosted = await startHostedFront(registry.url, { tokenTtlSeconds: 2 });

    const lines = [
      "registries:",
      ...[...fronts].map(([name, f]) => `  - { name: ${name}, url: "${f.url}" }`),
      "  - name: hosted",
      `    url: "${hosted.url}"`,
      `    auth: { type: anonymous, realmHosts: ["${hosted.realmHost}"] }`,
      "    repositories: [hostile/files, hostile/gzip, hostile/big, demo/fraud-detection, demo/churn-model]",
      "cache: { dir: ./cache, maxBytes: 1GiB }",
      `timeouts: { requestSeconds: ${opts.requestSeconds}, upstreamSeconds: ${opts.upstreamSeconds} }`,
      // small, so a 1.6 MB fixture exercises the large-layer paths (Range reads, hashing while parsing)
      "reads: { wholeLayerMaxBytes: 1MiB }",
      `trust: { keys: [{ name: ci-scanner, publicKeyFile: "${publicKeyFile}" }] }`,
      "access:",
      '  - { anonymous: true, role: viewer, scope: "*" }',
      "",
    ];
    const configPath = path.join(dir, "kitgate.yaml");
    await writeFile(configPath, lines.join("\n"));
    return { dir, configPath, registry, fronts, hosted, digests, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** What `attachEverySignature` leaves on `demo/churn-model:1.0.0`, as `source/envelope/status` of discovery. */
export const EVERY_SIGNATURE = [
  "cosign-att-tag/dsse/verified",
  "cosign-sig-tag/cosign-simple-signing/verified",
  "referrers/dsse/invalid-signature",
  "referrers/dsse/subject-mismatch",
  "referrers/notation-jws/not-verified",
  "referrers/sigstore-bundle/untrusted-key",
  "referrers/sigstore-bundle/verified",
];

/**
 * Signatures in every place the tools put them, on `repo:1.0.0`: cosign v2 `.att` and `.sig` tags; cosign v3 sigstore
 * bundles as referrers in the `sha256-<hex>` fallback index, signed with the configured key and a realistic hint
 * (base64 sha256 of the key), one of them signed by a key nobody trusts; a tampered DSSE envelope; one signed for
 * another version (wrong subject); a Notary signature.
 */
async function attachEverySignature(ctx: OciContext, repo: string, keysDir: string): Promise<void> {
  const key = createPrivateKey(await readFile(path.join(keysDir, "ci-scanner.key"), "utf8"));
  const hint = toTrustKey("ci-scanner", createPublicKey(key)).hints[1];
  const stranger = generateKeyPairSync("ed25519").privateKey;
  const t: AttachTarget = {
    putBlob: (b) => pushBlob(ctx, repo, b),
    putManifest: (ref, b, mt) => pushManifest(ctx, repo, ref, b, mt),
    getManifest: async (ref) => {
      try {
        return (await fetchManifest(ctx, repo, ref)).bytes;
      } catch (e) {
        if (e instanceof AppError && e.code === "NOT_FOUND") return null;
        throw e;
      }
    },
  };
  const subject = await resolveManifest(ctx, repo, "1.0.0");
  const other = await resolveManifest(ctx, repo, "0.9.0");
  const SCAN = "https://kitops.org/attestation/scan/v1";
  const scan = { evaluations: [{ tool: { name: "modelscan", version: "0.8.1" }, metrics: [], findings: [] }] };
  await attachCosignAtt(t, subject.digest, [{ envelope: signDsse(statement(subject.digest, SCAN, scan), key, { keyid: hint }), predicateType: SCAN }]);
  const payload = Buffer.from(JSON.stringify({ critical: { identity: { "docker-reference": `registry.example/${repo}` }, image: { "docker-manifest-digest": subject.digest }, type: "cosign container image signature" }, optional: null }));
  await attachCosignSig(t, subject.digest, payload, sign(null, payload, key).toString("base64"));
  const bundle = (envelope: unknown, keyHint = hint) => Buffer.from(JSON.stringify({
    mediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    verificationMaterial: { publicKey: { hint: keyHint }, tlogEntries: [] },
    dsseEnvelope: envelope,
  }));
  const asBundle = {
    artifactType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    layerMediaType: "application/vnd.dev.sigstore.bundle.v0.3+json",
    annotations: { "dev.sigstore.bundle.content": "dsse-envelope", "dev.sigstore.bundle.predicateType": "https://slsa.dev/provenance/v1" },
  };
  await attachReferrer(t, subject, bundle(signDsse(statement(subject.digest, "https://slsa.dev/provenance/v1", { builder: "ci" }), key)), asBundle);
  const strangerHint = toTrustKey("stranger", createPublicKey(stranger)).hints[1];
  await attachReferrer(t, subject, bundle(signDsse(statement(subject.digest, "https://slsa.dev/provenance/v1", { builder: "?" }), stranger), strangerHint), asBundle);
  const genuine = signDsse(statement(subject.digest, SCAN, { ...scan, passed: false }), key, { keyid: hint });
  const tampered = { ...genuine, payload: Buffer.from(JSON.stringify(statement(subject.digest, SCAN, scan))).toString("base64") };
  const asDsse = { artifactType: "application/vnd.in-toto+json", layerMediaType: "application/vnd.dsse.envelope.v1+json" };
  await attachReferrer(t, subject, Buffer.from(JSON.stringify(tampered)), asDsse);
  await attachReferrer(t, subject, Buffer.from(JSON.stringify(signDsse(statement(other.digest, SCAN, scan), key, { keyid: hint }))), asDsse);
  const jws = {
    payload: Buffer.from(JSON.stringify({ targetArtifact: { digest: subject.digest, size: subject.size, mediaType: subject.mediaType } })).toString("base64url"),
    protected: Buffer.from(JSON.stringify({ alg: "ES256", "io.cncf.notary.signingTime": "2026-11-02T00:00:00Z" })).toString("base64url"),
    header: { x5c: [] },
    signature: "AAAA",
  };
  await attachReferrer(t, subject, Buffer.from(JSON.stringify(jws)), {
    artifactType: "application/vnd.cncf.notary.signature",
    layerMediaType: "application/jose+json",
    annotations: { "io.cncf.notary.x509chain.thumbprint#S256": '["ABCDEF"]' },
  });
}

export interface Timed {
  status: number;
  ms: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  text: string;
}

/** GET against Kitgate, timed; JSON bodies parsed (pages keep their HTML in `text`). */
export async function timedGet(baseUrl: string, pathAndQuery: string, timeoutMs = 120_000): Promise<Timed> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${pathAndQuery}`, { signal: AbortSignal.timeout(timeoutMs) });
  const text = await res.text();
  let body: Timed["body"] = {};
  try {
    body = JSON.parse(text) as Timed["body"];
  } catch {
    // a page
  }
  return { status: res.status, ms: Math.round(performance.now() - started), body, text };
}

/** `/api/v1/modelkit/file` for `registry/repo:tag` (or `@digest`). */
export function filePath(registryName: string, repo: string, file: string, ref = "1.0"): string {
  return `/api/v1/modelkit/file?${new URLSearchParams({ ref: `${registryName}/${repo}${ref.startsWith("sha256:") ? "@" : ":"}${ref}`, path: file })}`;
}
