// Writes signatures/attestations next to a ModelKit the way the tools do (attestations.md §1, §2): cosign ≤2's
// `sha256-<hex>.att` tag (all envelopes as layers of one manifest), cosign's `.sig` tag, and OCI 1.1 referrers with the
// `sha256-<hex>` fallback index written client-side, ggcr style (descriptors without annotations).
import { createHash } from "node:crypto";

export interface AttachTarget {
  putBlob(bytes: Uint8Array): Promise<{ digest: string; size: number }>;
  putManifest(reference: string, bytes: Uint8Array, mediaType: string): Promise<{ digest: string; size: number }>;
  /** bytes of a manifest by tag, or null when absent */
  getManifest(reference: string): Promise<Uint8Array | null>;
}

const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
const OCI_INDEX = "application/vnd.oci.image.index.v1+json";
const EMPTY = { mediaType: "application/vnd.oci.empty.v1+json", digest: "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", size: 2 };
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

/** cosign ≤2: one `.att` manifest with one DSSE envelope per layer (replaces the tag, as `cosign attest --replace` would). */
export async function attachCosignAtt(t: AttachTarget, subjectDigest: string, envelopes: { envelope: unknown; predicateType: string }[]): Promise<string> {
  const layers = [];
  for (const { envelope, predicateType } of envelopes) {
    const bytes = json(envelope);
    const d = await t.putBlob(bytes);
    layers.push({ mediaType: "application/vnd.dsse.envelope.v1+json", digest: d.digest, size: d.size, annotations: { "dev.cosignproject.cosign/signature": "", predicateType } });
  }
  const config = json({ architecture: "", created: "0001-01-01T00:00:00Z", history: [{ created: "0001-01-01T00:00:00Z" }], os: "", rootfs: { type: "layers", diff_ids: layers.map((l) => l.digest) }, config: {} });
  const c = await t.putBlob(config);
  const manifest = json({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: c.digest, size: c.size }, layers });
  return (await t.putManifest(`${subjectDigest.replace(":", "-")}.att`, manifest, OCI_MANIFEST)).digest;
}

/** cosign `.sig`: the simple-signing payload as the layer, its signature in the layer annotation. */
export async function attachCosignSig(t: AttachTarget, subjectDigest: string, payload: Uint8Array, signatureB64: string): Promise<string> {
  const d = await t.putBlob(payload);
  const c = await t.putBlob(json({ architecture: "", os: "", rootfs: { type: "layers", diff_ids: [d.digest] }, config: {} }));
  const manifest = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: c.digest, size: c.size },
    layers: [{ mediaType: "application/vnd.dev.cosign.simplesigning.v1+json", digest: d.digest, size: d.size, annotations: { "dev.cosignproject.cosign/signature": signatureB64 } }],
  });
  return (await t.putManifest(`${subjectDigest.replace(":", "-")}.sig`, manifest, OCI_MANIFEST)).digest;
}

/** An OCI 1.1 referrer (by digest) plus its entry in the `sha256-<hex>` fallback index, as ggcr writes it (no annotations). */
export async function attachReferrer(
  t: AttachTarget,
  subject: { digest: string; size: number; mediaType?: string },
  blob: Uint8Array,
  opts: { artifactType: string; layerMediaType: string; annotations?: Record<string, string> },
): Promise<string> {
  await t.putBlob(new TextEncoder().encode("{}"));
  const d = await t.putBlob(blob);
  const manifestBytes = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: opts.artifactType,
    config: EMPTY,
    layers: [{ mediaType: opts.layerMediaType, digest: d.digest, size: d.size }],
    subject: { mediaType: subject.mediaType ?? OCI_MANIFEST, digest: subject.digest, size: subject.size },
    ...(opts.annotations ? { annotations: opts.annotations } : {}),
  });
  const digest = sha256(manifestBytes);
  await t.putManifest(digest, manifestBytes, OCI_MANIFEST);
  const tag = subject.digest.replace(":", "-");
  const existing = await t.getManifest(tag);
  const index = existing ? (JSON.parse(new TextDecoder().decode(existing)) as { manifests: unknown[] }) : { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [] };
  index.manifests = [...index.manifests.filter((m) => (m as { digest?: string }).digest !== digest), { mediaType: OCI_MANIFEST, digest, size: manifestBytes.length, artifactType: opts.artifactType }];
  await t.putManifest(tag, json(index), OCI_INDEX);
  return digest;
}
