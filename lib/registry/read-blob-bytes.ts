import "server-only";
import type { Descriptor } from "@/lib/oci/types";
import { AppError } from "@/lib/errors";
import type { BlobFetcher } from "./types";

/** Reads a small blob (config, attestation) whole. The source verifies size and digest; the cap is checked first. */
export async function readBlobBytes(
  source: BlobFetcher,
  repository: string,
  desc: Pick<Descriptor, "digest" | "size">,
  maxBytes: number,
): Promise<Uint8Array> {
  if (desc.size > maxBytes) {
    throw new AppError("TOO_LARGE", `Blob ${desc.digest} is ${desc.size} bytes; the limit here is ${maxBytes}`);
  }
  const stream = await source.getBlob(repository, desc);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
    total += buf.length;
    if (total > maxBytes) {
      stream.destroy();
      throw new AppError("TOO_LARGE", `Blob ${desc.digest} exceeds ${maxBytes} bytes`);
    }
    chunks.push(buf);
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}
