// A deterministic, streamed USTAR archive of many large files, for multi-GiB layers that must never sit in
// memory. Headers follow scripts/demo-data/go-tar.ts (kit's sanitised Go headers); content is a seeded
// xorshift block varied per file and per MiB, so every file differs and the bytes are reproducible.
import { createHash } from "node:crypto";

const BLOCK = 512;
const CHUNK = 1024 * 1024;
const enc = new TextEncoder();

export interface StreamedTarSpec {
  /** the layer path: the archive holds this directory, then its files */
  dir: string;
  files: number;
  fileSize: number;
  seed: number;
}

function octal(buf: Uint8Array, offset: number, length: number, value: number): void {
  buf.set(enc.encode(value.toString(8).padStart(length - 1, "0")), offset);
}

function header(name: string, type: "file" | "dir", size: number): Uint8Array {
  const b = new Uint8Array(BLOCK);
  b.set(enc.encode(name), 0);
  octal(b, 100, 8, type === "dir" ? 0o755 : 0o644);
  octal(b, 108, 8, 1000);
  octal(b, 116, 8, 0);
  octal(b, 124, 12, size);
  octal(b, 136, 12, 0);
  b.set(enc.encode("        "), 148);
  b[156] = type === "dir" ? 0x35 : 0x30;
  b.set(enc.encode("ustar\u0000"), 257);
  b.set(enc.encode("00"), 263);
  octal(b, 329, 8, 0);
  octal(b, 337, 8, 0);
  octal(b, 148, 7, b.reduce((s, x) => s + x, 0));
  b[155] = 0x20;
  return b;
}

export const fileName = (spec: StreamedTarSpec, i: number) => `${spec.dir}/shard-${String(i).padStart(4, "0")}.bin`;

/** Exact archive size: directory header, each file's header + padded data, two end blocks. */
export function streamedTarSize(spec: StreamedTarSpec): number {
  return BLOCK + spec.files * (BLOCK + Math.ceil(spec.fileSize / BLOCK) * BLOCK) + 2 * BLOCK;
}

function baseBlock(seed: number): Uint8Array {
  const out = new Uint32Array(CHUNK / 4);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < out.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x >>> 0;
  }
  return new Uint8Array(out.buffer);
}

/** The archive as chunks of at most 1 MiB; each call starts over and yields the same bytes. */
export function* streamedTarChunks(spec: StreamedTarSpec): Generator<Uint8Array> {
  const base = baseBlock(spec.seed);
  yield header(spec.dir, "dir", 0);
  for (let i = 0; i < spec.files; i++) {
    yield header(fileName(spec, i), "file", spec.fileSize);
    for (let off = 0, part = 0; off < spec.fileSize; off += CHUNK, part++) {
      const chunk = new Uint8Array(base.subarray(0, Math.min(CHUNK, spec.fileSize - off)));
      // stamp file and chunk numbers every 4 KiB so no two chunks of the layer are alike
      const view = new DataView(chunk.buffer);
      for (let p = 0; p + 8 <= chunk.length; p += 4096) {
        view.setUint32(p, i);
        view.setUint32(p + 4, part);
      }
      yield chunk;
    }
    const pad = Math.ceil(spec.fileSize / BLOCK) * BLOCK - spec.fileSize;
    if (pad) yield new Uint8Array(pad);
  }
  yield new Uint8Array(2 * BLOCK);
}

/** `sha256:…` of the archive, from one streaming pass. */
export function streamedTarDigest(spec: StreamedTarSpec): string {
  const h = createHash("sha256");
  for (const c of streamedTarChunks(spec)) h.update(c);
  return `sha256:${h.digest("hex")}`;
}
