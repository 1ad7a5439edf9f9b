import type { Readable } from "node:stream";
import type { ByteRange, Descriptor, FetchedManifest } from "@/lib/oci/types";

/** Counters for tests and benchmarks; they only ever grow. */
export interface BlobCacheStats {
  blobHits: number;
  blobMisses: number;
  manifestHits: number;
  manifestMisses: number;
  /** blobs and manifests removed to stay under maxBytes */
  evictions: number;
  /** verified blobs written into the cache */
  blobsStored: number;
  /** writes refused because the bytes did not match their digest or size */
  rejectedWrites: number;
}

/** A content-addressed, size-bounded store of verified blobs and manifests on disk, keyed by digest. */
export interface BlobCache {
  readonly dir: string;
  readonly maxBytes: number;
  readonly stats: BlobCacheStats;
  /** whether a blob of this size may be cached at all (larger than maxBytes: never) */
  accepts(size: number): boolean;
  /** a stream of the cached blob (verified again while read when there is no range), or null on a miss */
  openBlob(desc: Pick<Descriptor, "digest" | "size">, range?: ByteRange): Promise<Readable | null>;
  /** consumes `content`, keeping it only if it hashes to `desc`; rejects with DIGEST_MISMATCH otherwise */
  writeBlob(desc: Pick<Descriptor, "digest" | "size">, content: Readable): Promise<void>;
  /** the whole cached blob, hashed again before it is returned; null on a miss (or a changed file, then removed) */
  readBlobBytes(desc: Pick<Descriptor, "digest" | "size">): Promise<Buffer | null>;
  /** stores verified bytes (checked again here); refused silently when larger than the cache */
  writeBlobBytes(desc: Pick<Descriptor, "digest" | "size">, bytes: Uint8Array): Promise<void>;
  readManifest(digest: string): Promise<FetchedManifest | null>;
  writeManifest(manifest: FetchedManifest): Promise<void>;
  /** whether content with this digest was verified from `scope` (registry + repository) */
  hasScope(digest: string, scope: string): Promise<boolean>;
  /** records that content with this digest was verified from `scope` */
  addScope(digest: string, scope: string): Promise<void>;
}
