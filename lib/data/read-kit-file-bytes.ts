import "server-only";
import { readLayerFile } from "@/lib/layers/read-layer-file";
import type { FileEntry } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import { createRangeReader } from "@/lib/registry/create-range-reader";
import type { RegistrySource } from "@/lib/registry/types";
import { decodeOptionsFor } from "./decode-options-for";

/** Layers smaller than this are streamed whole (so the bytes are digest-verified) rather than range-read. */
const RANGE_READ_MIN_LAYER_BYTES = 8 * 1024 * 1024;

/**
 * Up to `maxBytes` of one file. Big uncompressed layers are range-read at the file's offset (the weights around
 * it are never fetched); everything else is streamed, decompressed and stopped as soon as the file is read.
 */
export async function readKitFileBytes(
  source: RegistrySource,
  repository: string,
  layer: KitLayer,
  entry: FileEntry,
  maxBytes: number,
): Promise<{ bytes: Uint8Array; truncated: boolean }> {
  const offset = layer.size >= RANGE_READ_MIN_LAYER_BYTES ? directOffset(layer, entry) : null;
  const wanted = Math.min(entry.size, maxBytes);
  let bytes: Uint8Array;
  if (offset === null) {
    bytes = (await readLayerFile(await source.getBlob(repository, layer), decodeOptionsFor(layer), entry.path, maxBytes)).bytes;
  } else {
    bytes = wanted === 0 ? new Uint8Array() : await createRangeReader(source, repository, layer, offset, entry.size)(0, wanted - 1);
  }
  return { bytes, truncated: entry.size > bytes.length };
}

/** Offset of the file's bytes in the blob when they can be range-read directly (uncompressed layers). */
function directOffset(layer: KitLayer, entry: FileEntry): number | null {
  if (layer.compression !== "none") return null;
  if (layer.format === "raw") return 0;
  return entry.dataOffset ?? null;
}
