import { createHash, randomBytes } from "node:crypto";
import { once } from "node:events";
import { Readable } from "node:stream";
import { createGzip, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { decodeLayerStream } from "@/lib/layers/decode-layer-stream";
import { zstdCompress } from "@/lib/layers/testing/zstd-compress";

const MiB = 1024 * 1024;

// vitest's deep equality walks a Buffer element by element; hashes compare 600 KB in no time
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

async function collect(stream: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const c of stream) parts.push(c as Buffer);
  return Buffer.concat(parts);
}

/** Consumes a stream, counting bytes, and returns the error it ended with (or null). */
async function drain(stream: Readable): Promise<{ received: number; error: unknown }> {
  let received = 0;
  try {
    for await (const c of stream) received += (c as Buffer).length;
    return { received, error: null };
  } catch (error) {
    return { received, error };
  }
}

function chunked(bytes: Uint8Array, size = 7_000): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(Buffer.from(bytes.subarray(i, i + size)));
  return Readable.from(parts, { objectMode: false });
}

/** A zstd frame (RFC 8878) of RLE blocks built by hand: 4 bytes of input per block of output. */
function* zstdRleFrame(blocks: number, blockSize: number, windowDescriptor = 0x58): Generator<Buffer> {
  yield Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, windowDescriptor]);
  for (let i = 0; i < blocks; i++) {
    const last = i === blocks - 1 ? 1 : 0;
    const h = (blockSize << 3) | (1 << 1) | last;
    yield Buffer.from([h & 0xff, (h >> 8) & 0xff, (h >> 16) & 0xff, 0x00]);
  }
}

// the machine is shared and noisy: generous timeouts, no timed assertions
describe("decodeLayerStream", { timeout: 60_000 }, () => {
  const payload = Buffer.concat([randomBytes(300 * 1024), Buffer.from("hello ".repeat(50_000))]);

  it("passes uncompressed bytes through and decodes gzip and zstd to the same bytes", async () => {
    const zstd = await zstdCompress(payload);
    expect(sha256(await collect(decodeLayerStream(chunked(payload), "none")))).toBe(sha256(payload));
    expect(sha256(await collect(decodeLayerStream(chunked(gzipSync(payload)), "gzip")))).toBe(sha256(payload));
    expect(sha256(await collect(decodeLayerStream(chunked(zstd), "zstd")))).toBe(sha256(payload));
    // tiny upstream chunks (a slow or hostile server) decode the same
    expect(sha256(await collect(decodeLayerStream(chunked(zstd, 37), "zstd")))).toBe(sha256(payload));
  });

  it("stops a streaming gzip bomb (1 GiB of zeros) at the byte cap and stops pulling from upstream", async () => {
    const total = 1024 * MiB;
    let produced = 0;
    const zeros = Readable.from(
      (function* () {
        const block = Buffer.alloc(MiB);
        for (; produced < total; produced += block.length) yield block;
      })(),
      { objectMode: false },
    );
    const bomb = zeros.pipe(createGzip({ level: 1 }));
    const cap = 32 * MiB;
    const { received, error } = await drain(decodeLayerStream(bomb, "gzip", { maxBytes: cap }));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("LIMIT_EXCEEDED");
    expect(received).toBeLessThanOrEqual(cap);
    // compression is lazy: stopping the decoder stopped the bomb long before its gigabyte
    expect(produced).toBeLessThan(total / 4);
  });

  it("stops a multi-member gzip bomb at the cap without reading the whole blob", async () => {
    const member = gzipSync(Buffer.alloc(MiB), { level: 9 });
    let pulled = 0;
    const source = Readable.from(
      (function* () {
        for (let i = 0; i < 1024; i++) {
          pulled += member.length;
          yield member;
        }
      })(),
      { objectMode: false },
    );
    const cap = 16 * MiB;
    const { received, error } = await drain(decodeLayerStream(source, "gzip", { maxBytes: cap }));
    expect((error as AppError).code).toBe("LIMIT_EXCEEDED");
    expect(received).toBeLessThanOrEqual(cap);
    expect(pulled).toBeLessThan(member.length * 1024);
  });

  it("stops a zstd RLE bomb (1 GiB from 32 KiB) at the byte cap", async () => {
    const source = Readable.from(zstdRleFrame(8192, 128 * 1024), { objectMode: false });
    const cap = 16 * MiB;
    const { received, error } = await drain(decodeLayerStream(source, "zstd", { maxBytes: cap }));
    expect((error as AppError).code).toBe("LIMIT_EXCEEDED");
    expect(received).toBeLessThanOrEqual(cap);
  });

  it("rejects zstd blocks larger than the format allows and windows larger than the cap", async () => {
    const oversized = Readable.from(zstdRleFrame(4, 2 * MiB - 1), { objectMode: false });
    expect((await drain(decodeLayerStream(oversized, "zstd"))).error).toMatchObject({ code: "MALFORMED_CONTENT" });
    // window descriptor 0xa0: exponent 20 → 1 GiB window
    const hugeWindow = Readable.from(zstdRleFrame(4, 1024, 0xa0), { objectMode: false });
    const { error } = await drain(decodeLayerStream(hugeWindow, "zstd"));
    expect(error).toMatchObject({ code: "LIMIT_EXCEEDED", details: { window: 2 ** 30 } });
  });

  it("reports truncated gzip as malformed content", async () => {
    const gz = gzipSync(payload);
    const { error } = await drain(decodeLayerStream(chunked(gz.subarray(0, gz.length - 100)), "gzip"));
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe("MALFORMED_CONTENT");
  });

  it("reports corrupt, truncated and non-zstd input as malformed content", async () => {
    const zstd = Buffer.from(await zstdCompress(payload));
    const truncated = await drain(decodeLayerStream(chunked(zstd.subarray(0, zstd.length - 50)), "zstd"));
    expect(truncated.error).toMatchObject({ code: "MALFORMED_CONTENT" });

    // a block of the reserved type 3 right after a valid frame header
    const reservedBlock = Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0x00, 0x58, 0x07, 0x00, 0x01, 0x00, 0x00, 0x00]);
    expect((await drain(decodeLayerStream(chunked(reservedBlock), "zstd"))).error).toMatchObject({
      code: "MALFORMED_CONTENT",
    });
    expect((await drain(decodeLayerStream(chunked(randomBytes(4096)), "zstd"))).error).toMatchObject({
      code: "MALFORMED_CONTENT",
    });
    expect((await drain(decodeLayerStream(chunked(randomBytes(4096)), "gzip"))).error).toMatchObject({
      code: "MALFORMED_CONTENT",
    });
  });

  it("keeps an upstream AppError (e.g. a digest mismatch) as it is", async () => {
    const upstream = new Readable({
      read() {
        this.destroy(new AppError("DIGEST_MISMATCH", "blob digest mismatch"));
      },
    });
    const { error } = await drain(decodeLayerStream(upstream, "gzip"));
    expect(error).toMatchObject({ code: "DIGEST_MISMATCH" });
  });

  it("destroys upstream when the consumer stops early", async () => {
    const upstream = new Readable({ read() {} });
    upstream.push(gzipSync(payload));
    const decoded = decodeLayerStream(upstream, "gzip");
    for await (const chunk of decoded) {
      expect((chunk as Buffer).length).toBeGreaterThan(0);
      break;
    }
    if (!upstream.destroyed) await once(upstream, "close");
    expect(upstream.destroyed).toBe(true);
  });
});
