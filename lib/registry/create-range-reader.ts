import "server-only";
import type { RangeReader } from "@/lib/layers/types";
import type { Descriptor } from "@/lib/oci/types";
import { AppError } from "@/lib/errors";
import type { BlobFetcher } from "./types";

/** Largest single Range request; header walkers ask for far less, this only stops a runaway caller. */
const MAX_RANGE_BYTES = 64 * 1024 * 1024;

/**
 * Random access into a blob through `Range` reads (tar headers, safetensors/GGUF headers), so weights are
 * never downloaded. `base` shifts offsets, e.g. to a file's data inside an uncompressed tar layer.
 */
export function createRangeReader(
  source: BlobFetcher,
  repository: string,
  desc: Pick<Descriptor, "digest" | "size">,
  base = 0,
  length = desc.size - base,
): RangeReader & { bytesRequested: () => number } {
  let requested = 0;
  const read = async (start: number, end: number): Promise<Uint8Array> => {
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start) {
      throw new TypeError(`bad range ${start}-${end}`);
    }
    if (start >= length) throw new AppError("MALFORMED_CONTENT", `read past the end of ${desc.digest}`);
    const clampedEnd = Math.min(end, length - 1);
    if (clampedEnd - start + 1 > MAX_RANGE_BYTES) throw new AppError("LIMIT_EXCEEDED", "range read too large");
    requested += clampedEnd - start + 1;
    const stream = await source.getBlob(repository, desc, { start: base + start, end: base + clampedEnd });
    const chunks: Buffer[] = [];
    for await (const c of stream) chunks.push(Buffer.isBuffer(c) ? c : Buffer.from(c as Uint8Array));
    return new Uint8Array(Buffer.concat(chunks));
  };
  return Object.assign(read, { bytesRequested: () => requested });
}
