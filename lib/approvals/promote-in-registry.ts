import "server-only";
import { AppError } from "@/lib/errors";
import type { RegistrySource } from "@/lib/registry/types";
import { copyManifest, copyReferrers } from "./copy-manifest";

export interface RegistryTarget {
  repository: string;
  tag: string;
  copy: boolean;
}

/** Where `tag` points now, or null when it does not exist. */
export async function currentDigest(source: RegistrySource, repository: string, tag: string): Promise<string | null> {
  try {
    return (await source.resolve(repository, tag)).digest;
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return null;
    throw e;
  }
}

/**
 * Points `target.tag` at `digest`: a retag in the same repository, or a copy (blobs mounted, referrers copied)
 * into an environment repository. Verified by resolving the tag back; a mismatch is an UPSTREAM error, so the
 * request stays `approved` and can be retried.
 */
export async function promoteInRegistry(
  source: RegistrySource,
  repository: string,
  digest: string,
  target: RegistryTarget,
): Promise<{ previousDigest: string | null; copiedReferrers: number }> {
  const previousDigest = await currentDigest(source, target.repository, target.tag);
  let copiedReferrers = 0;
  if (target.copy) {
    await copyManifest(source, repository, target.repository, digest, target.tag);
    copiedReferrers = await copyReferrers(source, repository, target.repository, digest);
  } else {
    const fetched = await source.getManifest(repository, digest);
    await source.putManifest(target.repository, target.tag, fetched.bytes, fetched.descriptor.mediaType);
  }
  const now = await currentDigest(source, target.repository, target.tag);
  if (now !== digest) {
    throw new AppError("UPSTREAM", `after promotion ${target.repository}:${target.tag} resolves to ${now ?? "nothing"}, not ${digest}`);
  }
  return { previousDigest, copiedReferrers };
}
