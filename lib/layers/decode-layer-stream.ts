import "server-only";
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { Decompress } from "fzstd";
import { AppError, isAppError } from "@/lib/errors";
import { MAX_DECOMPRESSED_BYTES, MAX_ZSTD_WINDOW_BYTES } from "@/lib/layers/limits";
import type { LayerReadLimits } from "@/lib/layers/types";
import type { Compression } from "@/lib/modelkit/types";

/** zstd's Block_Maximum_Size (RFC 8878 §3.1.1.2.3); fzstd does not check it, and a bigger block is a bomb. */
const ZSTD_MAX_BLOCK_BYTES = 128 * 1024;

/**
 * fzstd decodes synchronously everything it is handed, so input is fed in slices: large slices while the data
 * expands modestly, tiny ones once it expands a lot (zero runs reach 32768:1 as RLE blocks), so one push never
 * produces more than ~64 MiB that the consumer has not asked for yet.
 */
const ZSTD_SLICE_BYTES = 64 * 1024;
const ZSTD_SMALL_SLICE_BYTES = 2 * 1024;
const ZSTD_HIGH_EXPANSION = 64;

/*
 * No compression-ratio cap: deflate tops out near 1032:1, so a ratio cap never fires for gzip, and zstd
 * legitimately reaches 32768:1 on zero runs. The absolute cap bounds the work, backpressure bounds the memory.
 */

/**
 * Decompresses a layer blob as it streams in. The result errors with LIMIT_EXCEEDED before it yields more than
 * `limits.maxBytes` bytes, and with MALFORMED_CONTENT for truncated or corrupt input. Upstream is destroyed
 * whenever the result ends, fails or is destroyed early.
 */
export function decodeLayerStream(stream: Readable, compression: Compression, limits: LayerReadLimits = {}): Readable {
  const maxBytes = limits.maxBytes ?? MAX_DECOMPRESSED_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new TypeError("maxBytes must be a non-negative integer");
  const chunks =
    compression === "none" ? plainChunks(stream) : compression === "gzip" ? gunzipChunks(stream) : zstdChunks(stream);
  const out = Readable.from(capped(chunks, maxBytes), { objectMode: false });
  // A generator parked on an upstream that never answers cannot run its `finally`; destroying upstream unparks it.
  out.once("close", () => stream.destroy());
  return out;
}

async function* capped(chunks: AsyncGenerator<Uint8Array>, maxBytes: number): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const chunk of chunks) {
    total += chunk.length;
    if (total > maxBytes) {
      throw new AppError("LIMIT_EXCEEDED", `layer decompresses to more than ${maxBytes} bytes, the limit of one read`, {
        details: { maxBytes },
      });
    }
    yield chunk;
  }
}

async function* plainChunks(stream: Readable): AsyncGenerator<Uint8Array> {
  try {
    for await (const chunk of stream) yield asBytes(chunk);
  } catch (e) {
    throw upstreamError(e);
  } finally {
    stream.destroy();
  }
}

async function* gunzipChunks(stream: Readable): AsyncGenerator<Uint8Array> {
  const gunzip = createGunzip();
  const forward = (e: Error) => gunzip.destroy(e);
  stream.once("error", forward);
  stream.pipe(gunzip);
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (e) {
    if (isZlibError(e)) {
      throw new AppError("MALFORMED_CONTENT", `layer is not valid gzip: ${(e as Error).message}`, { cause: e });
    }
    throw upstreamError(e);
  } finally {
    stream.off("error", forward);
    stream.unpipe(gunzip);
    stream.destroy();
    gunzip.destroy();
  }
}

async function* zstdChunks(stream: Readable): AsyncGenerator<Uint8Array> {
  const pending: Uint8Array[] = [];
  const decoder = new Decompress((block) => {
    checkZstdWindow(decoder);
    if (block.length > ZSTD_MAX_BLOCK_BYTES) throw malformedZstd("a block is larger than 128 KiB");
    pending.push(block);
  });
  const push = (bytes: Uint8Array, final: boolean) => {
    try {
      decoder.push(bytes, final);
      checkZstdWindow(decoder);
    } catch (e) {
      if (isAppError(e)) throw e;
      throw malformedZstd((e as Error).message, e);
    }
  };
  let first = true;
  let sliceBytes = ZSTD_SMALL_SLICE_BYTES;
  // tiny upstream chunks are gathered first: fzstd re-concatenates a partial block on every push
  let carry: Uint8Array[] = [];
  let carried = 0;
  try {
    for await (const raw of stream) {
      const chunk = asBytes(raw);
      if (first && chunk.length > 0) {
        checkFirstZstdFrame(chunk);
        first = false;
      }
      carry.push(chunk);
      carried += chunk.length;
      if (carried < sliceBytes) continue;
      const bytes = carry.length === 1 ? chunk : Buffer.concat(carry, carried);
      carry = [];
      carried = 0;
      let i = 0;
      while (bytes.length - i >= sliceBytes) {
        const slice = bytes.subarray(i, i + sliceBytes);
        i += slice.length;
        push(slice, false);
        let produced = 0;
        for (const block of pending.splice(0)) {
          produced += block.length;
          yield block;
        }
        sliceBytes = produced > slice.length * ZSTD_HIGH_EXPANSION ? ZSTD_SMALL_SLICE_BYTES : ZSTD_SLICE_BYTES;
      }
      if (i < bytes.length) {
        carry = [bytes.subarray(i)];
        carried = bytes.length - i;
      }
    }
    if (first) throw malformedZstd("the layer is empty");
    const rest = Buffer.concat(carry, carried);
    for (let i = 0; i < rest.length; i += ZSTD_SMALL_SLICE_BYTES) {
      push(rest.subarray(i, i + ZSTD_SMALL_SLICE_BYTES), false);
      for (const block of pending.splice(0)) yield block;
    }
    push(new Uint8Array(0), true);
    for (const block of pending.splice(0)) if (block.length > 0) yield block;
  } catch (e) {
    throw isAppError(e) ? e : upstreamError(e);
  } finally {
    stream.destroy();
  }
}

/**
 * fzstd allocates a frame's window as soon as it reads the frame header and shifts it per block, so the first
 * frame's window is checked here (RFC 8878 §3.1.1.1) before fzstd sees it; later frames via its state (below).
 */
function checkFirstZstdFrame(chunk: Uint8Array): void {
  if (chunk.length < 6) return; // fzstd reports frames this short itself
  const magic = (chunk[0]! | (chunk[1]! << 8) | (chunk[2]! << 16) | (chunk[3]! << 24)) >>> 0;
  if (magic !== 0xfd2fb528) {
    // skippable frames (0x184D2A5?) carry no window; anything else fzstd rejects as invalid data
    if ((magic & 0xfffffff0) >>> 0 === 0x184d2a50) return;
    throw malformedZstd("missing zstd frame magic");
  }
  const descriptor = chunk[4]!;
  const singleSegment = (descriptor >> 5) & 1;
  if (singleSegment) {
    const fcsFlag = descriptor >> 6;
    const dictBytes = [0, 1, 2, 4][descriptor & 3]!;
    const fcsBytes = [1, 2, 4, 8][fcsFlag]!;
    const start = 5 + dictBytes;
    if (chunk.length < start + fcsBytes) return;
    let size = 0;
    for (let i = fcsBytes - 1; i >= 0; i--) size = size * 256 + chunk[start + i]!;
    if (fcsFlag === 1) size += 256;
    if (size > MAX_ZSTD_WINDOW_BYTES) throw zstdWindowTooLarge(size);
    return;
  }
  const windowDescriptor = chunk[5]!;
  const base = 2 ** (10 + (windowDescriptor >> 3));
  const window = base + (base / 8) * (windowDescriptor & 7);
  if (window > MAX_ZSTD_WINDOW_BYTES) throw zstdWindowTooLarge(window);
}

/**
 * Later frames: fzstd 0.1.1 keeps the current frame's window size in `s.e`. `ondata` runs before the window is
 * first shifted, so checking there stops a huge window before its memory is touched.
 */
function checkZstdWindow(decoder: Decompress): void {
  const state = (decoder as unknown as { s?: unknown }).s;
  if (typeof state === "object" && state !== null) {
    const window = (state as { e?: unknown }).e;
    if (typeof window === "number" && window > MAX_ZSTD_WINDOW_BYTES) throw zstdWindowTooLarge(window);
  }
}

function zstdWindowTooLarge(window: number): AppError {
  return new AppError(
    "LIMIT_EXCEEDED",
    `zstd window of ${window} bytes is larger than the ${MAX_ZSTD_WINDOW_BYTES} bytes Kitgate decodes`,
    { details: { window, maxWindow: MAX_ZSTD_WINDOW_BYTES } },
  );
}

function malformedZstd(reason: string, cause?: unknown): AppError {
  return new AppError("MALFORMED_CONTENT", `layer is not valid zstd: ${reason}`, { cause });
}

function asBytes(chunk: unknown): Uint8Array {
  if (chunk instanceof Uint8Array) return chunk;
  throw new TypeError("layer streams must yield bytes, not strings or objects");
}

function isZlibError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" && code.startsWith("Z_");
}

function upstreamError(e: unknown): unknown {
  if (isAppError(e) || e instanceof TypeError) return e;
  return new AppError("UPSTREAM", `reading the layer failed: ${(e as Error)?.message ?? String(e)}`, { cause: e });
}
