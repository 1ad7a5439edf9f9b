import type { Readable } from "node:stream";
import type { ByteRange, Descriptor, FetchedManifest, Page } from "@/lib/oci/types";

export interface RegistryCapabilities {
  /** `_catalog` is available; otherwise repositories come from config */
  catalog: boolean;
  /** OCI 1.1 referrers API; "unknown" until probed (memoised after first probe) */
  referrersApi: boolean | "unknown";
  /** the registry honours `n`/`last` on tags/list (distribution 2.8 does not) */
  tagPagination: boolean;
  /** blob GET honours `Range` */
  range: boolean;
}

/**
 * One registry, remote (OCI distribution API) or embedded (OCI image layout on disk).
 * Every method verifies what it returns: manifests by digest of the exact bytes, full blobs by size and
 * digest (the stream errors with DIGEST_MISMATCH before it ends if the bytes are wrong).
 */
export interface RegistrySource {
  readonly name: string;
  readonly kind: "remote" | "oci-layout";
  readonly capabilities: RegistryCapabilities;
  listRepositories(cursor?: string | null, limit?: number): Promise<Page<string>>;
  /** all tags of a repository, paged by the source itself when the registry does not page */
  listTags(repo: string, cursor?: string | null, limit?: number): Promise<Page<string>>;
  /** tag or digest → descriptor of the manifest (or index) it names now */
  resolve(repo: string, reference: string): Promise<Descriptor>;
  getManifest(repo: string, reference: string): Promise<FetchedManifest>;
  /**
   * Streams a blob. Without a range the stream is verified against `desc.size` and `desc.digest`.
   * With a range the bytes cannot be hashed; callers use ranges only for headers (tar, safetensors, gguf).
   */
  getBlob(repo: string, desc: Pick<Descriptor, "digest" | "size">, range?: ByteRange): Promise<Readable>;
  /** manifests whose `subject` is `digest`: referrers API, then the `sha256-<hex>` fallback index */
  listReferrers(repo: string, digest: string, artifactType?: string): Promise<Descriptor[]>;
  putManifest(repo: string, reference: string, bytes: Uint8Array, mediaType: string): Promise<Descriptor>;
  /** stores a small blob (statements, referrer configs); optional: read-only sources lack it */
  putBlob?(repo: string, bytes: Uint8Array): Promise<{ digest: string; size: number }>;
  /** makes a blob of `fromRepo` available in `repo` (cross-repository mount); false when it must be copied */
  mountBlob?(repo: string, fromRepo: string, desc: Pick<Descriptor, "digest" | "size">): Promise<boolean>;
}

/** Small consumer interfaces (oras-go style): a reader needs only what it uses. */
export type BlobFetcher = Pick<RegistrySource, "getBlob">;
export type ManifestResolver = Pick<RegistrySource, "resolve" | "getManifest">;
export type ReferrerLister = Pick<RegistrySource, "listReferrers">;
