import { AppError } from "@/lib/errors";
import { createWindowedReader } from "@/lib/layers/create-windowed-reader";
import type { RangeReader, SafetensorsHeader, SafetensorsTensor } from "@/lib/tensors/types";

/** The safetensors format limits the JSON header to 100 MB (huggingface/safetensors `MAX_HEADER_SIZE`). */
export const MAX_SAFETENSORS_HEADER_BYTES = 100_000_000;
/** First read: the length prefix and, for almost every real file, the whole header in one request. */
const FIRST_READ_BYTES = 64 * 1024;
/** Larger headers are fetched in pieces this big, well under any single Range request cap. */
const HEADER_PIECE_BYTES = 16 * 1024 * 1024;

/** Bits per element of each safetensors dtype (huggingface/safetensors `Dtype`). */
const DTYPE_BITS: Record<string, number> = {
  BOOL: 8,
  F4: 4,
  F6_E2M3: 6,
  F6_E3M2: 6,
  U8: 8,
  I8: 8,
  F8_E5M2: 8,
  F8_E4M3: 8,
  F8_E8M0: 8,
  I16: 16,
  U16: 16,
  F16: 16,
  BF16: 16,
  I32: 32,
  U32: 32,
  F32: 32,
  C64: 64,
  F64: 64,
  I64: 64,
  U64: 64,
};

/**
 * Reads a safetensors header with Range reads: the 8-byte little-endian length, then the JSON header, never
 * the weights. Validates every tensor's dtype, shape and offsets against the file size; anything hostile or
 * inconsistent is MALFORMED_CONTENT.
 */
export async function readSafetensorsHeader(readRange: RangeReader, size: number): Promise<SafetensorsHeader> {
  if (size < 8) throw malformed(`the file is ${size} bytes, too short for a safetensors header`);
  const reader = createWindowedReader(readRange, size, 8 + MAX_SAFETENSORS_HEADER_BYTES + FIRST_READ_BYTES);
  const prefix = await reader.read(0, 8, Math.min(size, FIRST_READ_BYTES));
  const declared = new DataView(prefix.buffer, prefix.byteOffset, 8).getBigUint64(0, true);
  if (declared > BigInt(MAX_SAFETENSORS_HEADER_BYTES)) {
    throw malformed(`the header claims ${declared} bytes; the format allows at most ${MAX_SAFETENSORS_HEADER_BYTES}`);
  }
  const length = Number(declared);
  if (8 + length > size) throw malformed(`the header claims ${length} bytes but the file has only ${size}`);
  if (length < 2) throw malformed("the header is empty");

  const json = await readJsonBytes(reader, length);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch (e) {
    throw malformed(`the header is not valid UTF-8 JSON: ${(e as Error).message}`, e);
  }
  if (!isPlainObject(parsed)) throw malformed("the header is not a JSON object");

  const dataSize = size - 8 - length;
  const warnings: string[] = [];
  const tensors: SafetensorsTensor[] = [];
  let metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (name === "__metadata__") {
      metadata = readMetadata(value);
      continue;
    }
    tensors.push(readTensor(name, value, dataSize, warnings));
  }

  tensors.sort((a, b) => a.dataOffsets[0] - b.dataOffsets[0] || a.dataOffsets[1] - b.dataOffsets[1]);
  let end = 0;
  let gaps = 0;
  let parameterCount = 0;
  for (const t of tensors) {
    if (t.dataOffsets[0] < end) throw malformed(`tensor ${JSON.stringify(t.name)} overlaps the tensor before it`);
    if (t.dataOffsets[0] > end) gaps += 1;
    end = t.dataOffsets[1];
    parameterCount += t.parameters;
  }
  if (!Number.isSafeInteger(parameterCount)) throw malformed("the parameter count is too large to be real");
  if (gaps > 0) warnings.push(`${gaps} gaps between tensors: bytes no tensor accounts for`);
  if (end < dataSize) warnings.push(`${dataSize - end} bytes after the last tensor are not described by the header`);
  return { tensors, metadata, parameterCount, headerBytes: 8 + length, warnings };
}

async function readJsonBytes(reader: ReturnType<typeof createWindowedReader>, length: number): Promise<Uint8Array> {
  if (8 + length <= FIRST_READ_BYTES) return reader.read(8, length);
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += HEADER_PIECE_BYTES) {
    const n = Math.min(HEADER_PIECE_BYTES, length - at);
    out.set(await reader.read(8 + at, n), at);
  }
  return out;
}

function readMetadata(value: unknown): Record<string, string> {
  if (!isPlainObject(value)) throw malformed("__metadata__ is not an object");
  const entries = Object.entries(value);
  for (const [k, v] of entries) {
    if (typeof v !== "string") throw malformed(`__metadata__.${k} is not a string`);
  }
  // fromEntries defines own properties, so a "__proto__" key stays a key
  return Object.fromEntries(entries) as Record<string, string>;
}

function readTensor(name: string, value: unknown, dataSize: number, warnings: string[]): SafetensorsTensor {
  const where = `tensor ${JSON.stringify(name)}`;
  if (!isPlainObject(value)) throw malformed(`${where} is not an object`);
  const { dtype, shape, data_offsets: offsets } = value as Record<string, unknown>;
  if (typeof dtype !== "string" || dtype.length === 0 || dtype.length > 32) throw malformed(`${where} has no valid dtype`);
  if (!Array.isArray(shape) || shape.length > 64 || !shape.every(isCount)) {
    throw malformed(`${where} has an invalid shape`);
  }
  if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every(isCount)) {
    throw malformed(`${where} has invalid data_offsets`);
  }
  const [begin, end] = offsets as [number, number];
  if (begin > end || end > dataSize) {
    throw malformed(`${where} data [${begin}, ${end}) lies outside the ${dataSize} bytes of tensor data`);
  }
  let parameters = 1;
  for (const d of shape as number[]) {
    parameters *= d;
    if (!Number.isSafeInteger(parameters)) throw malformed(`${where} has more elements than can exist`);
  }
  const bits = DTYPE_BITS[dtype];
  if (bits === undefined) {
    warnings.push(`${where} has dtype ${dtype}, unknown here; its size was not checked`);
  } else if (Math.ceil((parameters * bits) / 8) !== end - begin) {
    throw malformed(`${where}: ${parameters} × ${dtype} does not fit its ${end - begin} bytes`);
  }
  return { name, dtype, shape: shape as number[], dataOffsets: [begin, end], parameters };
}

function isCount(v: unknown): v is number {
  return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function malformed(reason: string, cause?: unknown): AppError {
  return new AppError("MALFORMED_CONTENT", `safetensors header: ${reason}`, { cause });
}
