import { describe, expect, it } from "vitest";
import { rangeReaderFromBuffer } from "@/lib/layers/range-reader-from-buffer";
import type { RangeReader } from "@/lib/layers/types";
import { readGgufHeader } from "@/lib/tensors/read-gguf-header";

/** Little-endian GGUF writer for synthetic files (spec: ggml/docs/gguf.md). */
class Gguf {
  parts: Buffer[] = [];
  u8(v: number) { this.parts.push(Buffer.from([v])); return this; }
  u32(v: number) { const b = Buffer.alloc(4); b.writeUInt32LE(v); this.parts.push(b); return this; }
  i32(v: number) { const b = Buffer.alloc(4); b.writeInt32LE(v); this.parts.push(b); return this; }
  u64(v: bigint | number) { const b = Buffer.alloc(8); b.writeBigUInt64LE(BigInt(v)); this.parts.push(b); return this; }
  f32(v: number) { const b = Buffer.alloc(4); b.writeFloatLE(v); this.parts.push(b); return this; }
  str(s: string) { const b = Buffer.from(s); this.u64(b.length); this.parts.push(b); return this; }
  header(version: number, tensors: bigint | number, kvs: bigint | number) { this.parts.push(Buffer.from("GGUF")); return this.u32(version).u64(tensors).u64(kvs); }
  bytes() { return Buffer.concat(this.parts); }
}

const T = { uint8: 0, int8: 1, uint16: 2, int16: 3, uint32: 4, int32: 5, float32: 6, bool: 7, string: 8, array: 9, uint64: 10, int64: 11, float64: 12 };

function counting(bytes: Uint8Array) {
  const stats = { bytes: 0 };
  const inner = rangeReaderFromBuffer(bytes);
  const read: RangeReader = (start, end) => {
    stats.bytes += Math.min(end, bytes.length - 1) - start + 1;
    return inner(start, end);
  };
  return { read, stats };
}

function sampleModel(vocabSize: number, weightBytes: number): Buffer {
  const g = new Gguf().header(3, 2, 7);
  g.str("general.architecture").u32(T.string).str("llama");
  g.str("general.name").u32(T.string).str("tiny-test");
  g.str("llama.context_length").u32(T.uint32).u32(4096);
  g.str("llama.rope.freq_base").u32(T.float32).f32(10000);
  g.str("general.file_type").u32(T.int32).i32(15);
  g.str("tokenizer.ggml.tokens").u32(T.array).u32(T.string).u64(vocabSize);
  for (let i = 0; i < vocabSize; i++) g.str(`tok${i}`);
  g.str("tokenizer.ggml.flags").u32(T.array).u32(T.bool).u64(3).u8(1).u8(0).u8(1);
  g.str("token_embd.weight").u32(2).u64(64).u64(vocabSize).u32(12).u64(0);
  g.str("output_norm.weight").u32(1).u64(64).u32(0).u64(4096);
  const header = g.bytes();
  const aligned = Math.ceil(header.length / 32) * 32;
  return Buffer.concat([header, Buffer.alloc(aligned - header.length + weightBytes)]);
}

describe("readGgufHeader", () => {
  it("reads a v3 file's metadata of several types, summarises long arrays and lists tensors", async () => {
    const file = sampleModel(5000, 4_000_000);
    const { read, stats } = counting(file);
    const got = await readGgufHeader(read, file.length);
    expect(got.version).toBe(3);
    expect(got.tensorCount).toBe(2);
    expect(got.metadata).toEqual({
      "general.architecture": "llama",
      "general.name": "tiny-test",
      "llama.context_length": 4096,
      "llama.rope.freq_base": 10000,
      "general.file_type": 15,
      "tokenizer.ggml.tokens": { type: "array", itemType: "string", length: 5000 },
      "tokenizer.ggml.flags": { type: "array", itemType: "bool", length: 3, items: [true, false, true] },
    });
    expect(got.tensors).toEqual([
      { name: "token_embd.weight", dims: [64, 5000], type: "Q4_K", offset: 0, parameters: 320_000 },
      { name: "output_norm.weight", dims: [64], type: "F32", offset: 4096, parameters: 64 },
    ]);
    expect(got.parameterCount).toBe(320_064);
    expect(got.dataOffset % 32).toBe(0);
    expect(got.dataOffset).toBeGreaterThanOrEqual(got.headerBytes);
    // the weights are never fetched: one header-sized window at most
    expect(stats.bytes).toBeLessThan(file.length / 2);
  });

  it("keeps 64-bit integers exact and reads v2 files", async () => {
    const g = new Gguf().header(2, 0, 2);
    g.str("big").u32(T.uint64).u64(2n ** 60n + 1n);
    g.str("small").u32(T.uint64).u64(42);
    const file = g.bytes();
    const got = await readGgufHeader(rangeReaderFromBuffer(file), file.length);
    expect(got.version).toBe(2);
    expect(got.metadata).toEqual({ big: "1152921504606846977", small: 42 });
  });

  it("rejects bad magic, unsupported versions, absurd counts, unknown types and tensors past the end", async () => {
    const bad: Buffer[] = [
      Buffer.concat([Buffer.from("GGML"), Buffer.alloc(40)]),
      new Gguf().header(1, 0, 0).bytes(),
      new Gguf().header(3, 2n ** 40n, 0).u64(0).bytes(),
      (() => { const g = new Gguf().header(3, 0, 1); g.str("k").u32(99).u32(0); return g.bytes(); })(),
      (() => { const g = new Gguf().header(3, 0, 1); g.str("k").u32(T.string).u64(2n ** 62n); return g.bytes(); })(),
      (() => { const g = new Gguf().header(3, 0, 1); g.str("k").u32(T.array).u32(T.string).u64(2n ** 50n); return g.bytes(); })(),
      (() => { const g = new Gguf().header(3, 1, 0); g.str("t").u32(5).u64(1).u64(1).u64(1).u64(1).u64(1).u32(0).u64(0); return g.bytes(); })(),
      (() => { const g = new Gguf().header(3, 1, 0); g.str("t").u32(1).u64(8).u32(0).u64(1_000_000); return g.bytes(); })(),
    ];
    for (const [i, file] of bad.entries()) {
      const padded = Buffer.concat([file, Buffer.alloc(64)]);
      await expect(readGgufHeader(rangeReaderFromBuffer(padded), padded.length), `case ${i}`).rejects.toMatchObject({
        code: "MALFORMED_CONTENT",
      });
    }
  });
});
