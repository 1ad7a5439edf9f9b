// Discovery and verification against real registry processes: CNCF distribution 2.8 (no referrers API, so the
// `sha256-<hex>` fallback index and cosign's `.att`/`.sig` tags are exercised), and a node:http fake that does implement
// the OCI 1.1 referrers API with `Link` pagination and server-side `artifactType` filtering.
import { createHash, generateKeyPairSync, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { fetchManifest } from "@/lib/oci/client/fetch-manifest";
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import type { OciContext } from "@/lib/oci/client/types";
import { createRemoteSource } from "@/lib/registry/remote/create-remote-source";
import { attachCosignAtt, attachCosignSig, attachReferrer, type AttachTarget } from "@/scripts/demo-data/attach-attestation";
import { signDsse, statement } from "@/scripts/demo-data/sign-attestation";
import { startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";
import { discoverAttestations } from "./discover-attestations";
import { SCAN_PREDICATE_TYPE } from "./predicate-types";
import { toTrustKey } from "./to-trust-key";
import type { TrustMaterial } from "./trust-types";

const REPO = "team/fraud-detection";
const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const ci = generateKeyPairSync("ec", { namedCurve: "P-256" });
const stranger = generateKeyPairSync("ec", { namedCurve: "P-256" });
const trust: TrustMaterial = { keys: [toTrustKey("ci-scanner", ci.publicKey)], sigstoreTrustedRoot: null, notationTrustStore: false };
const hint = trust.keys[0]!.hints[1];
const scan = { evaluations: [{ tool: { name: "modelscan", version: "0.8.1" }, metrics: [], findings: [{ id: "X", severity: "concern", message: "m" }] }] };
const enc = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));

function modelKitManifest(configDigest: string, size: number, note: string): Uint8Array {
  return enc({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: "application/vnd.kitops.modelkit.config.v1+json", digest: configDigest, size }, layers: [], annotations: { note } });
}

describe("on distribution 2.8 (fallback index and cosign tags)", () => {
  let registry: RunningRegistry;
  let ctx: OciContext;
  let subject: { digest: string; size: number };
  let other: { digest: string; size: number };

  beforeAll(async () => {
    registry = await startRegistry({ mode: "anonymous" });
    ctx = createOciContext({ url: registry.url });
    const cfg = await pushBlob(ctx, REPO, enc({}));
    subject = await pushManifest(ctx, REPO, "1.0.0", modelKitManifest(cfg.digest, cfg.size, "a"), OCI_MANIFEST);
    other = await pushManifest(ctx, REPO, "0.9.0", modelKitManifest(cfg.digest, cfg.size, "b"), OCI_MANIFEST);
    const t: AttachTarget = {
      putBlob: (b) => pushBlob(ctx, REPO, b),
      putManifest: (ref, b, mt) => pushManifest(ctx, REPO, ref, b, mt),
      getManifest: async (ref) => {
        try {
          return (await fetchManifest(ctx, REPO, ref)).bytes;
        } catch (e) {
          if (e instanceof AppError && e.code === "NOT_FOUND") return null;
          throw e;
        }
      },
    };
    await attachCosignAtt(t, subject.digest, [
      { envelope: signDsse(statement(subject.digest, SCAN_PREDICATE_TYPE, scan), ci.privateKey, { keyid: hint }), predicateType: SCAN_PREDICATE_TYPE },
      { envelope: signDsse(statement(subject.digest, SCAN_PREDICATE_TYPE, scan), stranger.privateKey), predicateType: SCAN_PREDICATE_TYPE },
    ]);
    const genuine = signDsse(statement(subject.digest, SCAN_PREDICATE_TYPE, { ...scan, passed: false }), ci.privateKey, { keyid: hint });
    const tampered = { ...genuine, payload: Buffer.from(JSON.stringify(statement(subject.digest, SCAN_PREDICATE_TYPE, scan))).toString("base64") };
    const dsseReferrer = { artifactType: "application/vnd.in-toto+json", layerMediaType: "application/vnd.dsse.envelope.v1+json" };
    await attachReferrer(t, subject, Buffer.from(JSON.stringify(tampered)), dsseReferrer);
    // signed by the trusted key, but for another version: re-attaching it here must not make it count
    const forOther = signDsse(statement(other.digest, "https://slsa.dev/provenance/v1", {}), ci.privateKey);
    await attachReferrer(t, subject, Buffer.from(JSON.stringify(forOther)), dsseReferrer);
    const payload = Buffer.from(JSON.stringify({ critical: { identity: { "docker-reference": `127.0.0.1/${REPO}` }, image: { "docker-manifest-digest": subject.digest }, type: "cosign container image signature" }, optional: null }));
    await attachCosignSig(t, subject.digest, payload, sign("sha256", payload, ci.privateKey).toString("base64"));
  }, 60_000);

  afterAll(async () => {
    await registry?.stop();
  });

  it("finds both cosign layouts and the fallback referrers, each with its status", async () => {
    const source = createRemoteSource({ name: "acme", url: registry.url });
    const found = await discoverAttestations(source, REPO, subject.digest, trust);
    const summary = found.map((a) => `${a.source}/${a.envelope}/${a.status}`).sort();
    expect(summary).toEqual([
      "cosign-att-tag/dsse/untrusted-key",
      "cosign-att-tag/dsse/verified",
      "cosign-sig-tag/cosign-simple-signing/verified",
      "fallback-index/dsse/invalid-signature",
      "fallback-index/dsse/subject-mismatch",
    ]);
    const verified = found.find((a) => a.source === "cosign-att-tag" && a.status === "verified")!;
    expect(verified).toMatchObject({ predicateType: SCAN_PREDICATE_TYPE, signer: { keyName: "ci-scanner" }, summary: { worstSeverity: "concern" } });
    const tampered = found.find((a) => a.status === "invalid-signature")!;
    expect(tampered.predicate).toBeNull();
    expect(tampered.predicateType).toBeNull();
  });

  it("finds nothing on a version without attestations", async () => {
    const source = createRemoteSource({ name: "acme", url: registry.url });
    expect(await discoverAttestations(source, REPO, other.digest, trust)).toEqual([]);
  });
});

describe("on a registry with the referrers API (fake, paged, filtering)", () => {
  let server: Server;
  let url: string;
  const blobs = new Map<string, Buffer>();
  const manifests = new Map<string, Buffer>();
  const requests: string[] = [];
  let subjectDigest = "";
  const put = (m: Map<string, Buffer>, b: Buffer) => {
    const d = `sha256:${createHash("sha256").update(b).digest("hex")}`;
    m.set(d, b);
    return d;
  };

  beforeAll(async () => {
    const cfg = put(blobs, Buffer.from("{}"));
    const subjectBytes = Buffer.from(modelKitManifest(cfg, 2, "api"));
    subjectDigest = put(manifests, subjectBytes);
    const referrers: { digest: string; size: number; artifactType: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const env = Buffer.from(JSON.stringify(signDsse(statement(subjectDigest, SCAN_PREDICATE_TYPE, { ...scan, run: i }), ci.privateKey)));
      const layer = put(blobs, env);
      const m = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType: "application/vnd.in-toto+json", config: { mediaType: "application/vnd.oci.empty.v1+json", digest: cfg, size: 2 }, layers: [{ mediaType: "application/vnd.dsse.envelope.v1+json", digest: layer, size: env.length }], subject: { mediaType: OCI_MANIFEST, digest: subjectDigest, size: subjectBytes.length } }));
      referrers.push({ digest: put(manifests, m), size: m.length, artifactType: "application/vnd.in-toto+json" });
    }
    const note = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType: "application/vnd.example.note", config: { mediaType: "application/vnd.oci.empty.v1+json", digest: cfg, size: 2 }, layers: [] }));
    referrers.push({ digest: put(manifests, note), size: note.length, artifactType: "application/vnd.example.note" });

    server = createServer((req, res) => {
      const u = new URL(req.url!, "http://x");
      requests.push(`${req.method} ${u.pathname}${u.search}`);
      const ref = u.pathname.match(/^\/v2\/(.+)\/referrers\/(sha256:[0-9a-f]{64})$/);
      if (ref) {
        const type = u.searchParams.get("artifactType");
        const list = referrers.filter((r) => !type || r.artifactType === type);
        const page = Number(u.searchParams.get("page") ?? "0");
        const slice = list.slice(page * 2, page * 2 + 2);
        const headers: Record<string, string> = { "content-type": "application/vnd.oci.image.index.v1+json" };
        if (type) headers["oci-filters-applied"] = "artifactType";
        if ((page + 1) * 2 < list.length) headers.link = `<${u.pathname}?${new URLSearchParams({ ...(type ? { artifactType: type } : {}), page: String(page + 1) })}>; rel="next"`;
        res.writeHead(200, headers).end(JSON.stringify({ schemaVersion: 2, mediaType: "application/vnd.oci.image.index.v1+json", manifests: slice.map((r) => ({ mediaType: OCI_MANIFEST, ...r })) }));
        return;
      }
      const man = u.pathname.match(/\/manifests\/(sha256:[0-9a-f]{64})$/);
      if (man && manifests.has(man[1]!)) {
        res.writeHead(200, { "content-type": OCI_MANIFEST, "docker-content-digest": man[1]! }).end(manifests.get(man[1]!));
        return;
      }
      const blob = u.pathname.match(/\/blobs\/(sha256:[0-9a-f]{64})$/);
      if (blob && blobs.has(blob[1]!)) {
        res.writeHead(200, { "content-type": "application/octet-stream" }).end(blobs.get(blob[1]!));
        return;
      }
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ errors: [{ code: "MANIFEST_UNKNOWN", message: "not found" }] }));
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise((r) => server.close(r));
  });

  it("follows Link pages and fetches every referrer manifest", async () => {
    const source = createRemoteSource({ name: "api", url });
    const found = await discoverAttestations(source, REPO, subjectDigest, trust);
    expect(found.filter((a) => a.status === "verified" && a.source === "referrers-api")).toHaveLength(3);
    expect(found.filter((a) => a.status === "unsupported")).toHaveLength(1);
    expect(requests.filter((r) => r.includes("/referrers/")).length).toBe(2);
    expect(requests.some((r) => r.includes("sha256-"))).toBe(true); // the .att/.sig tags are still looked up
  });

  it("passes an artifactType filter to the registry", async () => {
    const source = createRemoteSource({ name: "api", url });
    const notes = await source.listReferrers(REPO, subjectDigest, "application/vnd.example.note");
    expect(notes.map((d) => d.artifactType)).toEqual(["application/vnd.example.note"]);
    expect(requests.some((r) => r.includes("artifactType=application%2Fvnd.example.note"))).toBe(true);
  });
});
