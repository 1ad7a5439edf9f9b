import "server-only";
import { PassThrough, type Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import type { ByteRange, Descriptor, FetchedManifest } from "@/lib/oci/types";
import type { RegistrySource } from "@/lib/registry/types";
import type { BlobCache } from "./types";

/**
 * Wraps a source so content addressed by digest comes from the disk cache: whole blobs are served from
 * disk on a hit and teed into it on a miss (concurrent misses of one digest fetch upstream once); ranges
 * are served from a cached file when there is one. Manifests fetched by digest are cached too; tags are
 * always resolved by the source, since they move.
 *
 * The cache is shared across repositories (and registries) because it is keyed by content; callers must
 * only ask for digests taken from a manifest they resolved in the repository they are authorised for.
 */
export function withBlobCache(source: RegistrySource, cache: BlobCache): RegistrySource {
  async function getBlob(repo: string, desc: Pick<Descriptor, "digest" | "size">, range?: ByteRange): Promise<Readable> {
    const hit = await cache.openBlob(desc, range);
    if (hit) {
      cache.stats.blobHits++;
      return hit;
    }
    cache.stats.blobMisses++;
    if (range || !cache.accepts(desc.size)) return source.getBlob(repo, desc, range);

    let mine = false;
    let resolveOut!: (r: Readable) => void;
    let rejectOut!: (e: unknown) => void;
    const out = new Promise<Readable>((res, rej) => {
      resolveOut = res;
      rejectOut = rej;
    });
    const filled = cache.singleFlight(desc.digest, async () => {
      mine = true;
      let upstream: Readable;
      try {
        upstream = await source.getBlob(repo, desc);
      } catch (e) {
        rejectOut(e);
        throw e;
      }
      const teed = teeIntoCache(upstream, desc, cache);
      resolveOut(teed.out);
      await teed.done;
    });
    if (mine) {
      filled.catch(() => {}); // the caller sees failures on its stream
      return out;
    }
    try {
      await filled;
    } catch {
      // the first caller's fetch failed; this caller tries on its own below
    }
    return (await cache.openBlob(desc)) ?? source.getBlob(repo, desc);
  }

  async function getManifest(repo: string, reference: string): Promise<FetchedManifest> {
    const byDigest = reference.includes(":");
    if (byDigest) {
      const hit = await cache.readManifest(reference);
      if (hit) {
        cache.stats.manifestHits++;
        return hit;
      }
      cache.stats.manifestMisses++;
    }
    const fetched = await source.getManifest(repo, reference);
    if (byDigest && fetched.descriptor.digest !== reference) {
      throw new AppError("DIGEST_MISMATCH", `asked for manifest ${reference}, got ${fetched.descriptor.digest}`);
    }
    try {
      await cache.writeManifest(fetched);
    } catch (e) {
      if ((e as AppError).code === "DIGEST_MISMATCH") throw e;
      // a full or read-only cache disk must not break reads
    }
    return fetched;
  }

  return {
    get name() {
      return source.name;
    },
    get kind() {
      return source.kind;
    },
    get capabilities() {
      return source.capabilities;
    },
    listRepositories: (cursor, limit) => source.listRepositories(cursor, limit),
    listTags: (repo, cursor, limit) => source.listTags(repo, cursor, limit),
    resolve: (repo, reference) => source.resolve(repo, reference),
    getManifest,
    getBlob,
    listReferrers: (repo, digest, artifactType) => source.listReferrers(repo, digest, artifactType),
    putManifest: (repo, reference, bytes, mediaType) => source.putManifest(repo, reference, bytes, mediaType),
    // writes pass straight through (optional: read-only sources lack them)
    ...(source.putBlob ? { putBlob: source.putBlob.bind(source) } : {}),
    ...(source.mountBlob ? { mountBlob: source.mountBlob.bind(source) } : {}),
  };
}

/**
 * Feeds one upstream stream to the caller and to the cache. The caller's stream ends only once the cache
 * has verified the bytes, so bad content errors there too; a cache failure unrelated to the content
 * (disk full) does not fail a read whose upstream completed.
 */
function teeIntoCache(upstream: Readable, desc: Pick<Descriptor, "digest" | "size">, cache: BlobCache) {
  const out = new PassThrough();
  const toFile = new PassThrough();
  let upstreamEnded = false;
  upstream.once("end", () => {
    upstreamEnded = true;
  });
  upstream.once("error", (e) => toFile.destroy(e));
  upstream.pipe(out, { end: false });
  upstream.pipe(toFile);
  const done = cache.writeBlob(desc, toFile).then(
    () => {
      out.end();
    },
    (e: unknown) => {
      if (upstreamEnded && (e as AppError).code !== "DIGEST_MISMATCH") out.end();
      else out.destroy(e as Error);
      throw e;
    },
  );
  return { out, done };
}
