import "server-only";
import { buffer } from "node:stream/consumers";
import { AppError } from "@/lib/errors";
import { MT } from "@/lib/oci/media-types";
import type { Descriptor } from "@/lib/oci/types";
import type { RegistrySource } from "@/lib/registry/types";
import { attachReferrer } from "./attach-referrer";

/** Blobs copied byte by byte when a registry refuses to mount: promotion must not pull gigabytes into memory. */
const MAX_COPIED_BLOB_BYTES = 64 * 1024 * 1024;
/** Children of an index and referrers followed per manifest: bounds what a hostile repository makes us copy. */
const MAX_CHILDREN = 64;

async function copyBlob(source: RegistrySource, from: string, to: string, desc: Descriptor): Promise<void> {
  if (source.mountBlob && (await source.mountBlob(to, from, desc))) return;
  if (!source.putBlob) throw new AppError("UNPROCESSABLE", `registry ${source.name} cannot copy blobs`);
  if (desc.size > MAX_COPIED_BLOB_BYTES) {
    throw new AppError("LIMIT_EXCEEDED", `blob ${desc.digest} (${desc.size} bytes) could not be mounted and is too large to copy`);
  }
  await source.putBlob(to, await buffer(await source.getBlob(from, desc)));
}

/**
 * Copies one manifest (and, for an index, its children) with every blob into another repository of the same
 * registry, blobs mounted where the registry allows. Returns the stored descriptor; `reference` defaults to the digest.
 */
export async function copyManifest(source: RegistrySource, from: string, to: string, digest: string, reference?: string): Promise<Descriptor> {
  const fetched = await source.getManifest(from, digest);
  const body = JSON.parse(Buffer.from(fetched.bytes).toString("utf8")) as { config?: Descriptor; layers?: Descriptor[]; manifests?: Descriptor[] };
  const mediaType = fetched.descriptor.mediaType;
  if (mediaType === MT.ociIndex || mediaType === MT.dockerManifestList) {
    for (const child of (body.manifests ?? []).slice(0, MAX_CHILDREN)) await copyManifest(source, from, to, child.digest);
  } else {
    for (const blob of [...(body.config ? [body.config] : []), ...(body.layers ?? [])]) await copyBlob(source, from, to, blob);
  }
  return source.putManifest(to, reference ?? fetched.descriptor.digest, fetched.bytes, mediaType);
}

/** Copies every referrer of `digest` (signatures, attestations) along, so admission checks still find them. */
export async function copyReferrers(source: RegistrySource, from: string, to: string, digest: string): Promise<number> {
  const referrers = (await source.listReferrers(from, digest)).slice(0, MAX_CHILDREN);
  for (const r of referrers) {
    await copyManifest(source, from, to, r.digest);
    const fetched = await source.getManifest(from, r.digest);
    await attachReferrer(source, to, digest, fetched.bytes, fetched.descriptor.mediaType, r.artifactType ?? "");
  }
  return referrers.length;
}
