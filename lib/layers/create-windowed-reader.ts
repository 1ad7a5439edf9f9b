import { AppError } from "@/lib/errors";
import type { RangeReader } from "@/lib/layers/types";

export interface WindowedReader {
  /** `length` bytes at `start`; fetches `max(length, window)` bytes when they are not cached yet */
  read(start: number, length: number, window?: number): Promise<Uint8Array>;
  /** total bytes asked of `readRange` so far */
  readonly bytesRequested: number;
  readonly requests: number;
}

/**
 * Range reads through one cached window, so walking many small records costs few requests. Every request is
 * clamped to the blob, counted against `maxBytesRequested`, and checked for short answers (a blob that is
 * shorter than its descriptor says is malformed, not a reason to read past it).
 */
export function createWindowedReader(readRange: RangeReader, size: number, maxBytesRequested: number): WindowedReader {
  if (!Number.isSafeInteger(size) || size < 0) throw new TypeError("size must be a non-negative integer");
  let cacheStart = 0;
  let cache: Uint8Array = new Uint8Array(0);
  let bytesRequested = 0;
  let requests = 0;
  return {
    get bytesRequested() {
      return bytesRequested;
    },
    get requests() {
      return requests;
    },
    async read(start, length, window = length) {
      if (start < 0 || length < 0 || start + length > size) {
        throw new AppError("MALFORMED_CONTENT", `a record at byte ${start} (${length} bytes) runs past the end of the blob`, {
          details: { start, length, size },
        });
      }
      if (start >= cacheStart && start + length <= cacheStart + cache.length) {
        return cache.subarray(start - cacheStart, start - cacheStart + length);
      }
      if (length === 0) return new Uint8Array(0);
      const end = Math.min(size, start + Math.max(length, window)) - 1;
      const want = end - start + 1;
      if (bytesRequested + want > maxBytesRequested) {
        throw new AppError("LIMIT_EXCEEDED", `reading headers would request more than ${maxBytesRequested} bytes`, {
          details: { maxBytes: maxBytesRequested },
        });
      }
      bytesRequested += want;
      requests += 1;
      const got = await readRange(start, end);
      if (got.length < length) {
        throw new AppError("MALFORMED_CONTENT", `the blob ended at byte ${start + got.length}, before its declared size`, {
          details: { start, end, received: got.length },
        });
      }
      cacheStart = start;
      cache = got.length > want ? got.subarray(0, want) : got;
      return cache.subarray(0, length);
    },
  };
}
