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
}

export interface LayerListing {
  entries: FileEntry[];
  /** the listing stopped at a cap; `reason` says which */
  truncated: boolean;
  reason?: string;
  warnings: string[];
}
