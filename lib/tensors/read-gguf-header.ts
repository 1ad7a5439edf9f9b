import { AppError } from "@/lib/errors";
import { createWindowedReader } from "@/lib/layers/create-windowed-reader";
import type { GgufArraySummary, GgufHeader, GgufScalar, GgufTensor, GgufValue, GgufValueType, RangeReader } from "@/lib/tensors/types";

/** Header bytes read at most: real headers (vocabularies and merges included) are a few MiB; weights come after. */
export const MAX_GGUF_HEADER_BYTES = 64 * 1024 * 1024;
/** Sequential reads fetch this much at once, so a vocabulary of 150k strings costs a handful of requests. */
const WINDOW_BYTES = 1024 * 1024;
/** One string value: chat templates are kilobytes; anything this big is not metadata. */
const MAX_STRING_BYTES = 16 * 1024 * 1024;
/** GGUF spec: keys are at most 65535 bytes. */
const MAX_KEY_BYTES = 65_535;
/** Counts beyond any real model; they stop a header that claims billions of entries. */
const MAX_TENSORS = 1_000_000;
const MAX_KV = 1_000_000;
/** ggml's GGML_MAX_DIMS. */
const MAX_DIMS = 4;
/** Arrays up to this length are shown item by item; longer ones only by type and length. */
const MAX_ARRAY_ITEMS_SHOWN = 32;
/** Arrays of arrays are legal; deeper nesting than this is not something a real file does. */
const MAX_ARRAY_DEPTH = 3;

const VALUE_TYPES: GgufValueType[] = [
  "uint8", "int8", "uint16", "int16", "uint32", "int32", "float32", "bool", "string", "array", "uint64", "int64", "float64",
];
const FIXED_SIZE: Partial<Record<GgufValueType, number>> = {
  uint8: 1, int8: 1, bool: 1, uint16: 2, int16: 2, uint32: 4, int32: 4, float32: 4, uint64: 8, int64: 8, float64: 8,
};

/** ggml_type ids (ggml/include/ggml.h); ids missing here were removed from ggml. */
const GGML_TYPES: Record<number, string> = {
  0: "F32", 1: "F16", 2: "Q4_0", 3: "Q4_1", 6: "Q5_0", 7: "Q5_1", 8: "Q8_0", 9: "Q8_1", 10: "Q2_K", 11: "Q3_K",
  12: "Q4_K", 13: "Q5_K", 14: "Q6_K", 15: "Q8_K", 16: "IQ2_XXS", 17: "IQ2_XS", 18: "IQ3_XXS", 19: "IQ1_S",
  20: "IQ4_NL", 21: "IQ3_S", 22: "IQ2_S", 23: "IQ4_XS", 24: "I8", 25: "I16", 26: "I32", 27: "I64", 28: "F64",
  29: "IQ1_M", 30: "BF16", 34: "TQ1_0", 35: "TQ2_0", 39: "MXFP4",
};

/**
 * Reads a GGUF (v2/v3) header — metadata and tensor infos — with bounded sequential Range reads, never the
 * tensor data. Long arrays are summarised, not kept. Hostile counts, lengths and offsets give MALFORMED_CONTENT.
 */
export async function readGgufHeader(readRange: RangeReader, size: number): Promise<GgufHeader> {
  const reader = createWindowedReader(readRange, size, MAX_GGUF_HEADER_BYTES + WINDOW_BYTES);
  let pos = 0;
  let le = true;
  const take = async (n: number) => {
    if (pos + n > MAX_GGUF_HEADER_BYTES) {
      throw new AppError("LIMIT_EXCEEDED", `GGUF header is larger than ${MAX_GGUF_HEADER_BYTES} bytes`);
    }
    const bytes = await reader.read(pos, n, WINDOW_BYTES);
    pos += n;
    return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  };
  const skip = (n: number) => {
    if (!Number.isSafeInteger(n) || pos + n > size) throw malformed(`a value at byte ${pos} runs past the end of the file`);
    pos += n;
  };
  const u32 = async () => (await take(4)).getUint32(0, le);
  const u64 = async (what: string) => {
    const v = (await take(8)).getBigUint64(0, le);
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw malformed(`${what} ${v} is not a plausible value`);
    return Number(v);
  };
  const string = async (max: number, what: string) => {
    const length = await u64(`${what} length`);
    if (length > max) throw malformed(`${what} of ${length} bytes is longer than ${max}`);
    const view = await take(length);
    return new TextDecoder("utf-8").decode(new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
  };

  if (size < 24) throw malformed("the file is too short for a GGUF header");
  const head = await take(8);
  if (head.getUint32(0, true) !== 0x46554747) throw malformed("missing GGUF magic");
  let version = head.getUint32(4, true);
  if (version > 0xffff && head.getUint32(4, false) <= 0xffff) {
    // big-endian GGUF (for s390x) stores everything swapped, the magic excepted
    le = false;
    version = head.getUint32(4, false);
  }
  if (version !== 2 && version !== 3) throw malformed(`version ${version} is not supported (only GGUF v2 and v3)`);
  const tensorCount = await u64("tensor count");
  const kvCount = await u64("metadata count");
  if (tensorCount > MAX_TENSORS) throw malformed(`${tensorCount} tensors is more than ${MAX_TENSORS}`);
  if (kvCount > MAX_KV) throw malformed(`${kvCount} metadata entries is more than ${MAX_KV}`);

  const scalar = async (type: GgufValueType): Promise<GgufScalar> => {
    switch (type) {
      case "uint8": return (await take(1)).getUint8(0);
      case "int8": return (await take(1)).getInt8(0);
      case "uint16": return (await take(2)).getUint16(0, le);
      case "int16": return (await take(2)).getInt16(0, le);
      case "uint32": return (await take(4)).getUint32(0, le);
      case "int32": return (await take(4)).getInt32(0, le);
      case "float32": return (await take(4)).getFloat32(0, le);
      case "float64": return (await take(8)).getFloat64(0, le);
      case "bool": {
        const b = (await take(1)).getUint8(0);
        if (b > 1) throw malformed(`a bool at byte ${pos - 1} is ${b}`);
        return b === 1;
      }
      case "uint64": return exact((await take(8)).getBigUint64(0, le));
      case "int64": return exact((await take(8)).getBigInt64(0, le));
      case "string": return string(MAX_STRING_BYTES, "string");
      default: throw malformed(`${type} is not a scalar`);
    }
  };
  const valueType = async (): Promise<GgufValueType> => {
    const id = await u32();
    const type = VALUE_TYPES[id];
    if (!type) throw malformed(`value type ${id} at byte ${pos - 4} is unknown`);
    return type;
  };
  const value = async (type: GgufValueType, depth: number): Promise<GgufValue> => {
    if (type !== "array") return scalar(type);
    if (depth >= MAX_ARRAY_DEPTH) throw malformed(`arrays nested deeper than ${MAX_ARRAY_DEPTH}`);
    const itemType = await valueType();
    const length = await u64("array length");
    const summary: GgufArraySummary = { type: "array", itemType, length };
    const show = length <= MAX_ARRAY_ITEMS_SHOWN && itemType !== "array";
    const fixed = FIXED_SIZE[itemType];
    // every string or array item takes at least 8 bytes: a longer claim cannot fit in the header budget
    if (fixed === undefined && length * 8 > MAX_GGUF_HEADER_BYTES) throw malformed(`an array claims ${length} items`);
    if (!show && fixed !== undefined) {
      skip(length * fixed);
      return summary;
    }
    const items: GgufScalar[] = [];
    for (let i = 0; i < length; i++) {
      if (show) items.push((await value(itemType, depth + 1)) as GgufScalar);
      else if (itemType === "string") skip(await u64("string length"));
      else await value(itemType, depth + 1);
    }
    if (show) summary.items = items;
    return summary;
  };

  const warnings: string[] = [];
  const metadataEntries: [string, GgufValue][] = [];
  const keys = new Set<string>();
  for (let i = 0; i < kvCount; i++) {
    const key = await string(MAX_KEY_BYTES, "key");
    const v = await value(await valueType(), 0);
    if (keys.has(key)) warnings.push(`metadata key ${key} appears more than once`);
    keys.add(key);
    metadataEntries.push([key, v]);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a key
  const metadata = Object.fromEntries(metadataEntries) as Record<string, GgufValue>;

  const tensors: GgufTensor[] = [];
  let parameterCount = 0;
  for (let i = 0; i < tensorCount; i++) {
    const name = await string(MAX_KEY_BYTES, "tensor name");
    const nDims = await u32();
    if (nDims > MAX_DIMS) throw malformed(`tensor ${JSON.stringify(name)} has ${nDims} dimensions (max ${MAX_DIMS})`);
    const dims: number[] = [];
    let parameters = 1;
    for (let d = 0; d < nDims; d++) {
      const dim = await u64("dimension");
      dims.push(dim);
      parameters *= dim;
      if (!Number.isSafeInteger(parameters)) throw malformed(`tensor ${JSON.stringify(name)} has more elements than can exist`);
    }
    const typeId = await u32();
    const offset = await u64("tensor offset");
    tensors.push({ name, dims, type: GGML_TYPES[typeId] ?? `type_${typeId}`, offset, parameters });
    parameterCount += parameters;
  }
  if (!Number.isSafeInteger(parameterCount)) throw malformed("the parameter count is too large to be real");

  const headerBytes = pos;
  const alignmentValue = metadata["general.alignment"];
  const alignment = typeof alignmentValue === "number" ? alignmentValue : 32;
  if (!Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0) {
    throw malformed(`general.alignment ${alignment} is not a power of two`);
  }
  const dataOffset = Math.ceil(headerBytes / alignment) * alignment;
  for (const t of tensors) {
    if (dataOffset + t.offset > size) throw malformed(`tensor ${JSON.stringify(t.name)} starts past the end of the file`);
    if (t.offset % alignment !== 0) warnings.push(`tensor ${t.name} is not aligned to ${alignment} bytes`);
  }
  return { version, littleEndian: le, tensorCount, metadata, tensors, parameterCount, headerBytes, dataOffset, warnings };
}

function exact(v: bigint): number | string {
  const n = Number(v);
  return Number.isSafeInteger(n) ? n : v.toString();
}

function malformed(reason: string): AppError {
  return new AppError("MALFORMED_CONTENT", `GGUF header: ${reason}`);
}
