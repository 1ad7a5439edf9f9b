import "server-only";
import { AMT } from "@/lib/attest/attest-media-types";
import type { KitgateConfig } from "@/lib/config/types";
import { AppError } from "@/lib/errors";
import { MT } from "@/lib/oci/media-types";
import { getRegistries } from "@/lib/registry/get-registries";
import { readBlobBytes } from "@/lib/registry/read-blob-bytes";
import type { RegistrySource } from "@/lib/registry/types";
import { CHECKPOINT_PAYLOAD_TYPE, MAX_CHECKPOINT_BYTES, openCheckpoint, type CheckpointKey, type SignedCheckpoint } from "./checkpoint-statement";

/** The tag that names the newest checkpoint; each checkpoint also keeps its own `seq-<12 digits>` tag. */
export const LATEST_TAG = "latest";
const SEQ_ANNOTATION = "dev.kitgate.audit.seq";
const EMPTY_JSON = Buffer.from("{}", "utf8");

export const seqTag = (seq: number) => `seq-${String(seq).padStart(12, "0")}`;

async function target(config: KitgateConfig, repository: string): Promise<{ source: RegistrySource; repo: string }> {
  const slash = repository.indexOf("/");
  const source = (await getRegistries(config)).get(repository.slice(0, slash));
  if (!source) throw new AppError("CONFIG_INVALID", `audit.checkpoints.repository: registry "${repository.slice(0, slash)}" is not configured`);
  return { source, repo: repository.slice(slash + 1) };
}

/**
 * Pushes a checkpoint as an OCI artifact (artifactType = the checkpoint payload type, one DSSE envelope layer, the
 * empty config), tags it `seq-<n>` and moves `latest` to it unless `latest` already names a later one. Callers hold
 * the checkpoint lock, so `latest` only moves forward. Returns `registry/repository@sha256:…`.
 */
export async function pushCheckpoint(config: KitgateConfig, repository: string, cp: SignedCheckpoint): Promise<string> {
  const { source, repo } = await target(config, repository);
  if (!source.putBlob) throw new AppError("UNPROCESSABLE", `registry ${source.name} does not accept uploads`);
  const envelope = Buffer.from(cp.envelope, "utf8");
  const empty = await source.putBlob(repo, EMPTY_JSON);
  const layer = await source.putBlob(repo, envelope);
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: MT.ociManifest,
      artifactType: CHECKPOINT_PAYLOAD_TYPE,
      config: { mediaType: MT.ociEmpty, digest: empty.digest, size: empty.size },
      layers: [{ mediaType: AMT.dsseEnvelope, digest: layer.digest, size: layer.size }],
      annotations: { [SEQ_ANNOTATION]: String(cp.seq), "dev.kitgate.audit.hash": cp.hash, "org.opencontainers.image.created": cp.time },
    }),
    "utf8",
  );
  const desc = await source.putManifest(repo, seqTag(cp.seq), manifest, MT.ociManifest);
  const current = await latestSeq(source, repo);
  if (current === null || current < cp.seq) await source.putManifest(repo, LATEST_TAG, manifest, MT.ociManifest);
  return `${repository}@${desc.digest}`;
}

async function latestSeq(source: RegistrySource, repo: string): Promise<number | null> {
  try {
    const m = await source.getManifest(repo, LATEST_TAG);
    const seq = Number((JSON.parse(Buffer.from(m.bytes).toString("utf8")) as { annotations?: Record<string, string> }).annotations?.[SEQ_ANNOTATION]);
    return Number.isSafeInteger(seq) ? seq : null;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
}

/** The checkpoint `latest` names, verified (null: none pushed yet). The annotation is a hint; the envelope decides. */
export async function readLatestPushedCheckpoint(config: KitgateConfig, repository: string, keys: readonly CheckpointKey[]): Promise<SignedCheckpoint | null> {
  const { source, repo } = await target(config, repository);
  let manifest: { layers?: { mediaType?: string; digest?: string; size?: number }[] };
  try {
    const m = await source.getManifest(repo, LATEST_TAG);
    manifest = JSON.parse(Buffer.from(m.bytes).toString("utf8")) as typeof manifest;
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return null;
    throw error;
  }
  const layer = manifest.layers?.find((l) => l.mediaType === AMT.dsseEnvelope);
  if (!layer?.digest || typeof layer.size !== "number") throw new AppError("MALFORMED_CONTENT", `${repository}:${LATEST_TAG} holds no checkpoint envelope`);
  const bytes = await readBlobBytes(source, repo, { digest: layer.digest, size: layer.size }, MAX_CHECKPOINT_BYTES);
  const opened = openCheckpoint(Buffer.from(bytes).toString("utf8"), keys);
  if (!opened.ok) throw new AppError("MALFORMED_CONTENT", `${repository}:${LATEST_TAG}: ${opened.reason}`);
  return opened.checkpoint;
}
