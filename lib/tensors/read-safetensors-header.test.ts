import { describe, expect, it } from "vitest";
import { rangeReaderFromBuffer } from "@/lib/layers/range-reader-from-buffer";
import type { RangeReader } from "@/lib/layers/types";
import { readSafetensorsHeader } from "@/lib/tensors/read-safetensors-header";

/** A safetensors file: 8-byte LE length, JSON header, then `dataBytes` of (zero) tensor data. */
function safetensors(header: unknown, dataBytes: number, lengthOverride?: bigint): Buffer {
  const json = Buffer.from(typeof header === "string" ? header : JSON.stringify(header));
  const prefix = Buffer.alloc(8);
  prefix.writeBigUInt64LE(lengthOverride ?? BigInt(json.length));
  return Buffer.concat([prefix, json, Buffer.alloc(dataBytes)]);
}

function counting(bytes: Uint8Array) {
  const stats = { bytes: 0 };
  const inner = rangeReaderFromBuffer(bytes);
  const read: RangeReader = (start, end) => {
    stats.bytes += Math.min(end, bytes.length - 1) - start + 1;
    return inner(start, end);
  };
  return { read, stats };
}

describe("readSafetensorsHeader", () => {
  it("reads dtypes, shapes, offsets, metadata and the parameter count without reading the weights", async () => {
    const header = {
      "model.embed.weight": { dtype: "BF16", shape: [1000, 64], data_offsets: [0, 128_000] },
      "model.norm.weight": { dtype: "F32", shape: [64], data_offsets: [128_000, 128_256] },
      "lm_head.bias": { dtype: "F4", shape: [3], data_offsets: [128_256, 128_258] },
      step: { dtype: "I64", shape: [], data_offsets: [128_258, 128_266] },
      __metadata__: { format: "pt", note: "trained on synthetic data" },
    };
    const file = safetensors(header, 128_266 + 2_000_000);
    const { read, stats } = counting(file);
    const got = await readSafetensorsHeader(read, file.length);
    expect(got.tensors.map((t) => [t.name, t.dtype, t.shape, t.parameters])).toEqual([
      ["model.embed.weight", "BF16", [1000, 64], 64_000],
      ["model.norm.weight", "F32", [64], 64],
      ["lm_head.bias", "F4", [3], 3],
      ["step", "I64", [], 1],
    ]);
    expect(got.tensors[1]!.dataOffsets).toEqual([128_000, 128_256]);
    expect(got.metadata).toEqual({ format: "pt", note: "trained on synthetic data" });
    expect(got.parameterCount).toBe(64_000 + 64 + 3 + 1);
    expect(got.headerBytes).toBe(8 + JSON.stringify(header).length);
    expect(got.warnings.join(" ")).toMatch(/2000000 bytes after the last tensor/);
    expect(stats.bytes).toBeLessThanOrEqual(64 * 1024);
  });

  it("rejects a header length beyond the format's limit or beyond the file", async () => {
    const huge = safetensors({}, 0, 200_000_000n);
    await expect(readSafetensorsHeader(rangeReaderFromBuffer(huge), huge.length)).rejects.toMatchObject({
      code: "MALFORMED_CONTENT",
      message: expect.stringMatching(/at most 100000000/),
    });
    const lying = safetensors({ a: { dtype: "U8", shape: [1], data_offsets: [0, 1] } }, 1, 5000n);
    await expect(readSafetensorsHeader(rangeReaderFromBuffer(lying), lying.length)).rejects.toMatchObject({
      code: "MALFORMED_CONTENT",
      message: expect.stringMatching(/file has only/),
    });
    const tiny = Buffer.alloc(5);
    await expect(readSafetensorsHeader(rangeReaderFromBuffer(tiny), 5)).rejects.toMatchObject({ code: "MALFORMED_CONTENT" });
  });

  it("rejects hostile JSON and tensors that do not fit their bytes or the file", async () => {
    const cases: unknown[] = [
      "{not json",
      "[1,2,3]",
      `${"[".repeat(100_000)}${"]".repeat(100_000)}`,
      { a: { dtype: "F32", shape: [2, -1], data_offsets: [0, 8] } },
      { a: { dtype: "F32", shape: [2], data_offsets: [0, 7] } },
      { a: { dtype: "F32", shape: [2], data_offsets: [0, 8] }, b: { dtype: "F32", shape: [2], data_offsets: [4, 12] } },
      { a: { dtype: "U8", shape: [10_000], data_offsets: [0, 10_000] } },
      { a: { dtype: "U8", shape: [2 ** 40, 2 ** 40], data_offsets: [0, 16] } },
      { __metadata__: { n: 1 } },
    ];
    for (const header of cases) {
      const file = safetensors(header, 16);
      await expect(readSafetensorsHeader(rangeReaderFromBuffer(file), file.length), JSON.stringify(header).slice(0, 60)).rejects.toMatchObject({
        code: "MALFORMED_CONTENT",
      });
    }
  });

  it("keeps a __proto__ metadata key as plain data", async () => {
    const file = safetensors('{"__metadata__":{"__proto__":"x","a":"b"}}', 0);
    const got = await readSafetensorsHeader(rangeReaderFromBuffer(file), file.length);
    expect(Object.getPrototypeOf(got.metadata)).toBe(Object.prototype);
    expect(Object.keys(got.metadata)).toEqual(["__proto__", "a"]);
  });
});
