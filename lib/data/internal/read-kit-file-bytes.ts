import "server-only";
import { Readable } from "node:stream";
import { parseWhileHashing } from "@/lib/layers/parse-while-hashing";
import { readLayerFile } from "@/lib/layers/read-layer-file";
import type { FileEntry, ReadVerification } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import { createRangeReader } from "@/lib/registry/create-range-reader";
import { readBlobBytes } from "@/lib/registry/read-blob-bytes";
import type { RegistrySource } from "@/lib/registry/types";
import { decodeOptionsFor } from "./decode-options-for";
import { wholeLayerMaxBytes } from "./whole-layer-max-bytes";

export interface KitFileBytes {
  bytes: Uint8Array;
  truncated: boolean;
  /** how the bytes were checked against the layer digest (see ReadVerification) */
  verification: ReadVerification;
}

/**
 * Up to `maxBytes` of one file. Layers up to `reads.wholeLayerMaxBytes` are read whole and verified first, so
 * what is shown is exactly what the digest names. Above it, uncompressed layers are range-read at the file's
 * offset (the weights around it are never fetched; labelled `range`), and compressed ones are streamed,
 * decompressed and stopped once the file is read (`partial` unless the stream reached its verified end).
 */
export async function readKitFileBytes(
  source: RegistrySource,
  repository: string,
  layer: KitLayer,
  entry: FileEntry,
  maxBytes: number,
): Promise<KitFileBytes> {
  const wholeMax = await wholeLayerMaxBytes();
  const options = decodeOptionsFor(layer);
  if (layer.size <= wholeMax) {
    const blob = await readBlobBytes(source, repository, layer, wholeMax);
    const { bytes } = await readLayerFile(Readable.from([blob]), options, entry.path, maxBytes);
    return { bytes, truncated: entry.size > bytes.length, verification: "verified" };
  }
  const offset = directOffset(layer, entry);
  if (offset !== null && source.capabilities.range) {
    const wanted = Math.min(entry.size, maxBytes);
    const bytes = wanted === 0 ? new Uint8Array() : await createRangeReader(source, repository, layer, offset, entry.size)(0, wanted - 1);
    return { bytes, truncated: entry.size > bytes.length, verification: "range" };
  }
  const { result, complete } = await parseWhileHashing(await source.getBlob(repository, layer), (s) =>
    readLayerFile(s, options, entry.path, maxBytes),
  );
  return { bytes: result.bytes, truncated: entry.size > result.bytes.length, verification: complete ? "verified" : "partial" };
}

/** Offset of the file's bytes in the blob when they can be range-read directly (uncompressed layers). */
function directOffset(layer: KitLayer, entry: FileEntry): number | null {
  if (layer.compression !== "none") return null;
  if (layer.format === "raw") return 0;
  return entry.dataOffset ?? null;
}
