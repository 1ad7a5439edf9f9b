import { gzipSync } from "node:zlib";
import { ZstdCodec } from "zstd-codec";

/**
 * gzip like Go's compress/gzip as kit uses it: no name, mtime 0, OS byte 255 ("unknown"). zlib writes
 * OS 3 (Unix); the header is outside the CRC, so patching it keeps the stream valid.
 */
export function gzipLikeGo(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(gzipSync(data, { level: 6 }));
  out[9] = 255;
  return out;
}

type ZstdSimple = { compress(data: Uint8Array, level?: number): Uint8Array };
let simple: Promise<ZstdSimple> | null = null;

/** zstd-codec is an Emscripten build that initialises asynchronously; done once. */
export async function zstdCompress(data: Uint8Array): Promise<Uint8Array> {
  simple ??= new Promise((resolve) => {
    (ZstdCodec as { run(cb: (zstd: { Simple: new () => ZstdSimple }) => void): void }).run((zstd) =>
      resolve(new zstd.Simple()),
    );
  });
  return (await simple).compress(data, 3);
}
