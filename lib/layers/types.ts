import type { Compression, LayerFormat } from "@/lib/modelkit/types";

export type EntryType = "file" | "directory" | "symlink" | "hardlink" | "other";

/** One tar entry as listed. Nothing is ever extracted to disk; unsafe names are only labelled. */
export interface FileEntry {
  /** normalised display path (forward slashes, no leading `./`) */
  path: string;
  /** the raw name from the header, when it differs from `path` */
  rawName?: string;
  type: EntryType;
  size: number;
  mode: number;
  linkTarget?: string;
  /** `traversal` (`..` segments), `absolute` (leading `/`), `link` (symlink/hardlink: never followed) */
  unsafe?: "traversal" | "absolute" | "link";
  /** byte offset of the entry's data inside the uncompressed tar, for Range reads of uncompressed layers */
  dataOffset?: number;
}

export interface LayerDecodeOptions {
  compression: Compression;
  format: LayerFormat;
  /** for raw layers: the file name to show (from annotations or the Kitfile path) */
  rawName?: string;
  /** prefix applied to tar entries (old kits stored entries relative to the layer path) */
  pathPrefix?: string;
  /** blob size from the descriptor: for uncompressed raw layers it is the file size, so listing reads nothing */
  size?: number;
  /** for raw layers: permission bits (from `org.cncf.model.file.metadata+json`); unknown → 0 */
  rawMode?: number;
}

/**
 * How the bytes behind a listing or a file were checked against the layer's digest:
 * - `verified`: the whole layer was hashed and matched before (or while, ending before the answer) it was used;
 * - `range`: read by HTTP Range (large uncompressed layers, tensor headers), not verified against the layer digest;
 * - `partial`: streamed, but the read stopped before the end of the layer, so its digest was not checked.
 */
export type ReadVerification = "verified" | "range" | "partial";

export interface LayerListing {
  /** set by the read path (lib/data); the pure listers cannot know it */
  verification?: ReadVerification;
  entries: FileEntry[];
  /** the listing stopped at a cap; `reason` says which */
  truncated: boolean;
  reason?: string;
  warnings: string[];
}

/**
 * Reads bytes `start..end` (both inclusive, like `ByteRange` and HTTP `Range`) of a blob.
 * May return fewer bytes at the end of the blob; readers treat a short read as a truncated blob.
 */
export type RangeReader = (start: number, end: number) => Promise<Uint8Array>;

/** Budgets for one read of a layer. Every field is optional; defaults live in `lib/layers/limits.ts`. */
export interface LayerReadLimits {
  /** decompressed bytes read at most (for Range listings: bytes requested at most) */
  maxBytes?: number;
  /** tar entries listed at most */
  maxEntries?: number;
  /** wall-clock budget of a listing, in milliseconds */
  timeBudgetMs?: number;
  /** clock used for the time budget; tests inject one so nothing depends on real timing */
  now?: () => number;
}

/** One file read out of a layer, capped at the caller's `maxBytes`. */
export interface LayerFileContent {
  entry: FileEntry;
  bytes: Uint8Array;
  /** the file is longer than `bytes` */
  truncated: boolean;
}
