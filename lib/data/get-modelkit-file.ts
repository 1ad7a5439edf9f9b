import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { languageForPath } from "@/lib/format/language-for-path";
import { readLayerFile } from "@/lib/layers/read-layer-file";
import type { FileEntry, RangeReader } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import { createRangeReader } from "@/lib/registry/create-range-reader";
import type { RegistrySource } from "@/lib/registry/types";
import { readGgufHeader } from "@/lib/tensors/read-gguf-header";
import { readSafetensorsHeader } from "@/lib/tensors/read-safetensors-header";
import { decodeOptionsFor } from "./decode-options-for";
import type { Actor, FileContentDTO, TensorHeaderDTO } from "./dto";
import { locateModelKit } from "./locate-modelkit";
import { readLayerListing } from "./read-layer-listing";

/** A text file is shown up to 5 MiB (DESIGN.md budget); "load anyway" raises it to the hard cap. */
const TEXT_PREVIEW_BYTES = 5 * 1024 * 1024;
const TEXT_HARD_CAP_BYTES = 20 * 1024 * 1024;
/** Compressed layers cannot be range-read; this much of a weights file is decompressed to find its header. */
const COMPRESSED_HEADER_READ_BYTES = 32 * 1024 * 1024;
/** Layers smaller than this are read whole (and so verified) rather than by Range. */
const RANGE_READ_MIN_LAYER_BYTES = 8 * 1024 * 1024;
/** Tensor rows sent to the browser; the count and parameter total still cover all of them. */
const MAX_TENSOR_ROWS = 5_000;
/** Same sniff as git: a NUL byte in the first 8,000 bytes means binary. */
const BINARY_SNIFF_BYTES = 8_000;

/** One file of a ModelKit, by path (and optionally layer): text capped, binaries described, tensor headers read by Range. */
export async function getModelKitFile(
  actor: Actor,
  input: { ref: string; path: string; layer?: string; full?: boolean },
): Promise<FileContentDTO> {
  const kit = await locateModelKit(actor, input.ref);
  const { source, repository } = kit.repo;
  const layers = input.layer ? kit.view.layers.filter((l) => l.digest === input.layer) : candidateLayers(kit.view.layers, input.path);
  if (input.layer && layers.length === 0) throw new AppError("NOT_FOUND", `Layer ${input.layer} is not part of ${input.ref}`);

  for (const layer of layers) {
    const listing = await readLayerListing(source, repository, layer);
    const entry = listing.entries.find((e) => e.path === input.path);
    if (!entry) continue;
    if (entry.type !== "file") {
      throw new AppError("BAD_REQUEST", `${input.path} is a ${entry.type}${entry.unsafe === "link" ? "; links are never followed" : ""}`);
    }
    return readEntry(source, repository, layer, entry, input.full ?? false);
  }
  throw new AppError("NOT_FOUND", `No file ${input.path} in ${input.ref}`);
}

/** Layers whose Kitfile path contains the file go first; the rest follow (a `.` layer can hold anything). */
function candidateLayers(layers: KitLayer[], path: string): KitLayer[] {
  const owns = (l: KitLayer) => !!l.path && (l.path === path || path.startsWith(`${l.path.replace(/\/+$/, "")}/`));
  return [...layers.filter(owns), ...layers.filter((l) => !owns(l))];
}

async function readEntry(
  source: RegistrySource,
  repository: string,
  layer: KitLayer,
  entry: FileEntry,
  full: boolean,
): Promise<FileContentDTO> {
  const base = {
    path: entry.path,
    layerDigest: layer.digest,
    size: entry.size,
    mode: entry.mode,
    language: languageForPath(entry.path),
  };
  const lower = entry.path.toLowerCase();
  if (lower.endsWith(".safetensors") || lower.endsWith(".gguf")) {
    const reader = await tensorReader(source, repository, layer, entry);
    const tensors = lower.endsWith(".gguf") ? ggufDto(await readGgufHeader(reader, entry.size)) : safetensorsDto(await readSafetensorsHeader(reader, entry.size));
    return { ...base, kind: "tensors", text: null, truncated: false, sha256: null, tensors, note: `${tensors.kind} weights: header read without downloading the weights` };
  }

  const max = full ? TEXT_HARD_CAP_BYTES : TEXT_PREVIEW_BYTES;
  const wanted = Math.min(entry.size, max);
  // Small layers are streamed whole so the bytes shown are digest-verified; only big ones are range-read.
  const offset = layer.size >= RANGE_READ_MIN_LAYER_BYTES ? directRange(layer, entry) : null;
  let bytes: Uint8Array;
  if (offset === null) {
    bytes = (await readLayerFile(await source.getBlob(repository, layer), decodeOptionsFor(layer), entry.path, max)).bytes;
  } else {
    bytes = wanted === 0 ? new Uint8Array() : await createRangeReader(source, repository, layer, offset, entry.size)(0, wanted - 1);
  }
  const truncated = entry.size > bytes.length;
  const sha256 = truncated ? null : `sha256:${createHash("sha256").update(bytes).digest("hex")}`;
  if (bytes.subarray(0, BINARY_SNIFF_BYTES).includes(0)) {
    return { ...base, kind: "binary", text: null, truncated, sha256, tensors: null, note: "binary file" };
  }
  const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
  const kind = /\.(md|markdown)$/.test(lower) ? "markdown" : "text";
  return { ...base, kind, text, truncated, sha256, tensors: null, note: truncated ? `showing the first ${bytes.length} of ${entry.size} bytes` : null };
}

/** Offset of the file's bytes in the blob when they can be range-read directly (uncompressed layers). */
function directRange(layer: KitLayer, entry: FileEntry): number | null {
  if (layer.compression !== "none") return null;
  if (layer.format === "raw") return 0;
  return entry.dataOffset ?? null;
}

async function tensorReader(source: RegistrySource, repository: string, layer: KitLayer, entry: FileEntry): Promise<RangeReader> {
  const offset = directRange(layer, entry);
  if (offset !== null) return createRangeReader(source, repository, layer, offset, entry.size);
  const { bytes } = await readLayerFile(await source.getBlob(repository, layer), decodeOptionsFor(layer), entry.path, COMPRESSED_HEADER_READ_BYTES);
  return async (start, end) => {
    if (start >= bytes.length) throw new AppError("LIMIT_EXCEEDED", "the weights header lies beyond what is read from a compressed layer");
    return bytes.subarray(start, Math.min(end + 1, bytes.length));
  };
}

type SafetensorsHeader = Awaited<ReturnType<typeof readSafetensorsHeader>>;
type GgufHeader = Awaited<ReturnType<typeof readGgufHeader>>;

function safetensorsDto(h: SafetensorsHeader): TensorHeaderDTO {
  return {
    kind: "safetensors",
    parameterCount: h.parameterCount,
    tensors: h.tensors.slice(0, MAX_TENSOR_ROWS).map((t) => ({ name: t.name, dtype: t.dtype, shape: t.shape })),
    tensorsTruncated: h.tensors.length > MAX_TENSOR_ROWS,
    metadata: h.metadata,
  };
}

function ggufDto(h: GgufHeader): TensorHeaderDTO {
  return {
    kind: "gguf",
    parameterCount: h.parameterCount,
    tensors: h.tensors.slice(0, MAX_TENSOR_ROWS).map((t) => ({ name: t.name, dtype: t.type, shape: t.dims })),
    tensorsTruncated: h.tensors.length > MAX_TENSOR_ROWS,
    metadata: { version: h.version, ...h.metadata },
  };
}
