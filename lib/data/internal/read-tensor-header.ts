import "server-only";
import { AppError } from "@/lib/errors";
import type { FileEntry, RangeReader, ReadVerification } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import { createRangeReader } from "@/lib/registry/create-range-reader";
import type { RegistrySource } from "@/lib/registry/types";
import { readGgufHeader } from "@/lib/tensors/read-gguf-header";
import { readSafetensorsHeader } from "@/lib/tensors/read-safetensors-header";
import type { TensorHeaderDTO } from "../dto";
import { readKitFileBytes } from "./read-kit-file-bytes";
import { wholeLayerMaxBytes } from "./whole-layer-max-bytes";

/** Layers read whole (or compressed ones): this much of a weights file is read to find its header. */
const COMPRESSED_HEADER_READ_BYTES = 32 * 1024 * 1024;
/** Tensor rows sent to the browser; the count and the parameter total still cover all of them. */
const MAX_TENSOR_ROWS = 5_000;

/** The header of a `.safetensors` or `.gguf` file: Range reads in uncompressed layers, so weights are never fetched. */
export async function readTensorHeader(
  source: RegistrySource,
  repository: string,
  layer: KitLayer,
  entry: FileEntry,
): Promise<TensorHeaderDTO> {
  const { reader, verification } = await tensorReader(source, repository, layer, entry);
  if (entry.path.toLowerCase().endsWith(".gguf")) {
    const h = await readGgufHeader(reader, entry.size);
    return {
      kind: "gguf",
      parameterCount: h.parameterCount,
      tensors: h.tensors.slice(0, MAX_TENSOR_ROWS).map((t) => ({ name: t.name, dtype: t.type, shape: t.dims })),
      tensorsTruncated: h.tensors.length > MAX_TENSOR_ROWS,
      metadata: { version: h.version, ...h.metadata },
      verification,
    };
  }
  const h = await readSafetensorsHeader(reader, entry.size);
  return {
    kind: "safetensors",
    parameterCount: h.parameterCount,
    tensors: h.tensors.slice(0, MAX_TENSOR_ROWS).map((t) => ({ name: t.name, dtype: t.dtype, shape: t.shape })),
    tensorsTruncated: h.tensors.length > MAX_TENSOR_ROWS,
    metadata: h.metadata,
    verification,
  };
}

async function tensorReader(
  source: RegistrySource,
  repository: string,
  layer: KitLayer,
  entry: FileEntry,
): Promise<{ reader: RangeReader; verification: ReadVerification }> {
  const offset = layer.compression !== "none" ? null : layer.format === "raw" ? 0 : (entry.dataOffset ?? null);
  if (offset !== null && layer.size > (await wholeLayerMaxBytes()) && source.capabilities.range) {
    return { reader: createRangeReader(source, repository, layer, offset, entry.size), verification: "range" };
  }
  const { bytes, verification } = await readKitFileBytes(source, repository, layer, entry, COMPRESSED_HEADER_READ_BYTES);
  const reader: RangeReader = async (start, end) => {
    if (start >= bytes.length) throw new AppError("LIMIT_EXCEEDED", "the weights header lies beyond what is read from this layer");
    return bytes.subarray(start, Math.min(end + 1, bytes.length));
  };
  return { reader, verification };
}
