import "server-only";
import { PassThrough, Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { metrics } from "@/lib/observability/metrics";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { parseDigest } from "@/lib/oci/digest/parse-digest";
import type { ByteRange, Descriptor, FetchedManifest } from "@/lib/oci/types";
import type { RegistrySource } from "@/lib/registry/types";
import { createSingleFlight } from "./single-flight";
import type { BlobCache } from "./types";

export interface BlobCacheScopeOptions {
  /**
   * Identifies the registry for provenance: its name and where it is (a renamed or re-pointed registry
   * must not inherit what another one served). Cached content is served for (scope, repository) only.
   */
  scope: string;
  /**
   * Blobs up to this size are read whole and verified before a single byte is handed out (then served from
   * memory); larger ones stream, verified when they end.
   */
  wholeMaxBytes: number;
}

/** Prometheus counters next to the per-cache stats: look-ups, and the bytes they stood for. */
function countBlob(result: "hit" | "miss", bytes: number): void {
  const m = metrics();
  m.blobCacheRequests.inc({ kind: "blob", result });
  m.blobCacheBytes.inc({ result }, bytes);
}

/** Used when a caller gives no options (tests): the source's name is the scope. */
const DEFAULT_WHOLE_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Wraps a source so content addressed by digest comes from the disk cache, **only where it was verified
 * from**: storage is shared by digest across registries and repositories, but every entry carries the
 * (registry, repository) scopes whose registry served exactly these bytes. A hit in another scope is not
 * served: the bytes are fetched and verified from this registry and repository first (so a registry that
 * merely claims a digest never receives another registry's content).
 *
 * Blobs up to `wholeMaxBytes` are fetched whole, verified, cached, and only then streamed from memory;
 * concurrent misses share one fetch, which always settles (every registry call has a deadline) and is
 * forgotten when it does. Larger blobs stream from upstream, teed into the cache when it accepts them; no
 * one waits on another's large stream. Tags are always resolved by the source, since they move.
 */
export function withBlobCache(source: RegistrySource, cache: BlobCache, options?: Partial<BlobCacheScopeOptions>): RegistrySource {
  const registryScope = options?.scope ?? source.name;
  const wholeMaxBytes = options?.wholeMaxBytes ?? DEFAULT_WHOLE_MAX_BYTES;
  const scopeOf = (repo: string) => `${registryScope}\u0000${repo}`;
  const wholeFlight = createSingleFlight<Buffer>();
  const manifestFlight = createSingleFlight<FetchedManifest>();

  async function fetchWhole(repo: string, desc: Pick<Descriptor, "digest" | "size">): Promise<Buffer> {
    const stream = await source.getBlob(repo, desc);
    const chunks: Buffer[] = [];
    let total = 0;
    // the source's stream errors (DIGEST_MISMATCH) before it ends when the bytes are wrong: at the end they are verified
    for await (const chunk of stream) {
      const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
      total += buf.length;
      if (total > desc.size) {
        stream.destroy();
        throw new AppError("DIGEST_MISMATCH", `blob ${desc.digest} from registry ${source.name} is longer than ${desc.size} bytes`);
      }
      chunks.push(buf);
    }
    const bytes = Buffer.concat(chunks, total);
    // sources verify their streams; checked here again because nothing unverified may be handed out or stored
    const actual = computeDigest(bytes, parseDigest(desc.digest).algorithm);
    if (total !== desc.size || actual !== desc.digest) {
      cache.stats.rejectedWrites++;
      throw new AppError("DIGEST_MISMATCH", `blob ${repo}@${desc.digest} from registry ${source.name} has digest ${actual}`, {
        details: { registry: source.name, repository: repo, expected: desc.digest, actual },
      });
    }
    try {
      await cache.writeBlobBytes(desc, bytes);
      await cache.addScope(desc.digest, scopeOf(repo));
    } catch (e) {
      if ((e as AppError).code === "DIGEST_MISMATCH") throw e;
      // a full or read-only cache disk must not break reads
    }
    return bytes;
  }

  async function getBlob(repo: string, desc: Pick<Descriptor, "digest" | "size">, range?: ByteRange): Promise<Readable> {
    const inScope = await cache.hasScope(desc.digest, scopeOf(repo));
    if (inScope) {
      if (!range && desc.size <= wholeMaxBytes) {
        const bytes = await cache.readBlobBytes(desc);
        if (bytes) {
          cache.stats.blobHits++;
          countBlob("hit", bytes.length);
          return Readable.from([bytes], { objectMode: false });
        }
      } else {
        const hit = await cache.openBlob(desc, range);
        if (hit) {
          cache.stats.blobHits++;
          countBlob("hit", range ? range.end - range.start + 1 : desc.size);
          return hit;
        }
      }
    }
    cache.stats.blobMisses++;
    countBlob("miss", range ? range.end - range.start + 1 : desc.size);
    if (range) return source.getBlob(repo, desc, range);
    if (desc.size <= wholeMaxBytes) {
      const bytes = await wholeFlight(`${scopeOf(repo)}\u0000${desc.digest}`, () => fetchWhole(repo, desc));
      return Readable.from([bytes], { objectMode: false });
    }
    const upstream = await source.getBlob(repo, desc);
    if (!cache.accepts(desc.size)) return upstream;
    return teeIntoCache(upstream, desc, cache, () => cache.addScope(desc.digest, scopeOf(repo)));
  }

  async function getManifest(repo: string, reference: string): Promise<FetchedManifest> {
    const byDigest = reference.includes(":");
    if (!byDigest) return source.getManifest(repo, reference);
    if (await cache.hasScope(reference, scopeOf(repo))) {
      const hit = await cache.readManifest(reference);
      if (hit) {
        cache.stats.manifestHits++;
        metrics().blobCacheRequests.inc({ kind: "manifest", result: "hit" });
        return hit;
      }
    }
    cache.stats.manifestMisses++;
    metrics().blobCacheRequests.inc({ kind: "manifest", result: "miss" });
    return manifestFlight(`${scopeOf(repo)}\u0000${reference}`, async () => {
      const fetched = await source.getManifest(repo, reference);
      if (fetched.descriptor.digest !== reference) {
        throw new AppError("DIGEST_MISMATCH", `registry ${source.name} answered ${repo}@${reference} with manifest ${fetched.descriptor.digest}`);
      }
      try {
        await cache.writeManifest(fetched);
        await cache.addScope(reference, scopeOf(repo));
      } catch (e) {
        if ((e as AppError).code === "DIGEST_MISMATCH") throw e;
        // a full or read-only cache disk must not break reads
      }
      return fetched;
    });
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
 * Feeds one large upstream stream to the caller and to the cache. The caller's stream ends only once the cache
 * has verified the bytes, so bad content errors there too; a cache failure unrelated to the content (disk
 * full) does not fail a read whose upstream completed. A caller that stops early aborts the cache write.
 */
function teeIntoCache(upstream: Readable, desc: Pick<Descriptor, "digest" | "size">, cache: BlobCache, verified: () => Promise<void>): Readable {
  const out = new PassThrough();
  const toFile = new PassThrough();
  let upstreamEnded = false;
  upstream.once("end", () => {
    upstreamEnded = true;
  });
  upstream.once("error", (e) => {
    toFile.destroy(e);
    out.destroy(e);
  });
  // the caller gave up: stop reading upstream and drop the partial cache file
  out.once("close", () => {
    if (!upstreamEnded) {
      upstream.destroy();
      toFile.destroy(new AppError("UPSTREAM", "reader stopped before the end of the blob"));
    }
  });
  upstream.pipe(out, { end: false });
  upstream.pipe(toFile);
  cache.writeBlob(desc, toFile).then(
    async () => {
      await verified().catch(() => {});
      out.end();
    },
    (e: unknown) => {
      if (upstreamEnded && (e as AppError).code !== "DIGEST_MISMATCH") out.end();
      else out.destroy(e as Error);
    },
  );
  return out;
}
