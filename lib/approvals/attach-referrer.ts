import "server-only";
import { AMT } from "@/lib/attest/attest-media-types";
import { AppError } from "@/lib/errors";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { MT } from "@/lib/oci/media-types";
import type { Descriptor } from "@/lib/oci/types";
import type { RegistrySource } from "@/lib/registry/types";

const EMPTY_JSON = Buffer.from("{}", "utf8");
/** Entries kept in one fallback index: bounds the index a hostile or busy repository can grow. */
const MAX_FALLBACK_ENTRIES = 1000;

/**
 * Pushes `manifestBytes` (whose `subject` is `subjectDigest`) by digest and makes it findable: registries with
 * the OCI 1.1 referrers API index it themselves; otherwise the `sha256-<hex>` fallback index is updated
 * (read, append, write: a concurrent writer may win, so callers re-run on a lost update).
 */
export async function attachReferrer(
  source: RegistrySource,
  repo: string,
  subjectDigest: string,
  manifestBytes: Uint8Array,
  mediaType: string,
  artifactType: string,
): Promise<Descriptor> {
  const desc = await source.putManifest(repo, computeDigest(manifestBytes), manifestBytes, mediaType);
  // The layout store finds referrers by scanning subjects; only remote registries without the API need the index.
  if (source.kind !== "remote" || source.capabilities.referrersApi === true) return { ...desc, artifactType };
  const fallbackTag = subjectDigest.replace(":", "-");
  let manifests: Descriptor[] = [];
  try {
    const existing = await source.getManifest(repo, fallbackTag);
    const parsed = JSON.parse(Buffer.from(existing.bytes).toString("utf8")) as { manifests?: Descriptor[] };
    manifests = Array.isArray(parsed.manifests) ? parsed.manifests : [];
  } catch (e) {
    if (!(e instanceof AppError && e.code === "NOT_FOUND")) throw e;
  }
  if (manifests.some((m) => m.digest === desc.digest)) return { ...desc, artifactType };
  const entry: Descriptor = { mediaType, digest: desc.digest, size: manifestBytes.byteLength, artifactType };
  const index = { schemaVersion: 2, mediaType: MT.ociIndex, manifests: [...manifests, entry].slice(-MAX_FALLBACK_ENTRIES) };
  await source.putManifest(repo, fallbackTag, Buffer.from(JSON.stringify(index), "utf8"), MT.ociIndex);
  return entry;
}

/** Pushes a DSSE envelope as an OCI 1.1 artifact manifest whose subject is the ModelKit, and attaches it. */
export async function attachEnvelope(
  source: RegistrySource,
  repo: string,
  subject: Descriptor,
  envelope: Uint8Array,
  annotations: Record<string, string>,
): Promise<Descriptor> {
  if (!source.putBlob) throw new AppError("UNPROCESSABLE", `registry ${source.name} does not accept uploads`);
  const config = await source.putBlob(repo, EMPTY_JSON);
  const layer = await source.putBlob(repo, envelope);
  const manifest = {
    schemaVersion: 2,
    mediaType: MT.ociManifest,
    artifactType: AMT.dsseEnvelope,
    config: { mediaType: MT.ociEmpty, digest: config.digest, size: config.size },
    layers: [{ mediaType: AMT.dsseEnvelope, digest: layer.digest, size: layer.size }],
    subject: { mediaType: subject.mediaType, digest: subject.digest, size: subject.size },
    annotations,
  };
  return attachReferrer(source, repo, subject.digest, Buffer.from(JSON.stringify(manifest), "utf8"), MT.ociManifest, AMT.dsseEnvelope);
}

/** Layers kept in one cosign `.att` image: bounds what an existing (possibly hostile) attestation image adds. */
const MAX_ATT_LAYERS = 100;

/**
 * Also publishes the envelope the way cosign does (`sha256-<hex>.att`, one DSSE layer per attestation with a
 * `predicateType` annotation), because Kyverno's and policy-controller's cosign verifiers look there rather than
 * at OCI referrers. Existing attestation layers are kept.
 */
export async function attachCosignAttestation(
  source: RegistrySource,
  repo: string,
  subjectDigest: string,
  envelope: Uint8Array,
  predicateType: string,
): Promise<Descriptor> {
  if (!source.putBlob) throw new AppError("UNPROCESSABLE", `registry ${source.name} does not accept uploads`);
  const tag = `${subjectDigest.replace(":", "-")}.att`;
  let layers: Descriptor[] = [];
  try {
    const existing = await source.getManifest(repo, tag);
    const parsed = JSON.parse(Buffer.from(existing.bytes).toString("utf8")) as { layers?: Descriptor[] };
    layers = Array.isArray(parsed.layers) ? parsed.layers.slice(-MAX_ATT_LAYERS) : [];
  } catch (e) {
    if (!(e instanceof AppError && e.code === "NOT_FOUND")) throw e;
  }
  const layer = await source.putBlob(repo, envelope);
  if (!layers.some((l) => l.digest === layer.digest)) {
    layers.push({ mediaType: AMT.dsseEnvelope, digest: layer.digest, size: layer.size, annotations: { predicateType } });
  }
  const configBytes = Buffer.from(JSON.stringify({ architecture: "", os: "", config: {}, rootfs: { type: "layers", diff_ids: layers.map((l) => l.digest) } }), "utf8");
  const config = await source.putBlob(repo, configBytes);
  const manifest = {
    schemaVersion: 2,
    mediaType: MT.ociManifest,
    config: { mediaType: "application/vnd.oci.image.config.v1+json", digest: config.digest, size: config.size },
    layers,
  };
  return source.putManifest(repo, tag, Buffer.from(JSON.stringify(manifest), "utf8"), MT.ociManifest);
}
