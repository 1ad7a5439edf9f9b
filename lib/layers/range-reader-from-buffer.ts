import type { RangeReader } from "@/lib/layers/types";

/**
 * A `RangeReader` over bytes in memory (tests, cached blobs). Like an HTTP server it clamps `end` to the last
 * byte, so a reader that asks past the end gets a short answer it must notice.
 */
export function rangeReaderFromBuffer(bytes: Uint8Array): RangeReader {
  return async (start, end) => {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new RangeError(`invalid range ${start}-${end}`);
    }
    return bytes.subarray(start, Math.min(end + 1, bytes.length));
  };
}
