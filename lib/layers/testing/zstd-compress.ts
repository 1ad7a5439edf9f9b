import { createRequire } from "node:module";

interface ZstdSimple {
  compress(bytes: Uint8Array, level?: number): Uint8Array | null;
}
interface ZstdBinding {
  Simple: new () => ZstdSimple;
}
const require = createRequire(import.meta.url);
// zstd-codec ships no types; it is a test-only dependency used to make zstd fixtures
const { ZstdCodec } = require("zstd-codec") as { ZstdCodec: { run(cb: (zstd: ZstdBinding) => void): void } };

/** Compresses bytes into one zstd frame with the reference implementation (compiled to wasm). */
export function zstdCompress(bytes: Uint8Array, level = 3): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    ZstdCodec.run((zstd) => {
      const out = new zstd.Simple().compress(bytes, level);
      if (out) resolve(out);
      else reject(new Error("zstd-codec failed to compress"));
    });
  });
}
