import { describe, expect, it } from "vitest";
import { diffTensorHeaders, MAX_METADATA_VALUE_CHARS, MAX_TENSOR_CHANGES } from "./diff-tensor-headers";

const header = (tensors: [string, string, number[]][], metadata: Record<string, unknown> = {}) => ({
  tensors: tensors.map(([name, dtype, shape]) => ({ name, dtype, shape })),
  metadata,
  parameterCount: tensors.reduce((s, [, , shape]) => s + shape.reduce((p, d) => p * d, 1), 0),
});

describe("diffTensorHeaders", () => {
  it("reports added, removed, shape- and dtype-changed tensors and the parameter delta", () => {
    const a = header([["embed", "F32", [100, 16]], ["head.weight", "F32", [16, 2]], ["old.bias", "F32", [2]], ["ln", "F32", [16]]],
      { format: "pt", "general.name": "fraud" });
    const b = header([["embed", "F32", [120, 16]], ["head.weight", "BF16", [16, 2]], ["ln", "F32", [16]], ["lora.A", "F16", [16, 4]]],
      { format: "pt", "general.name": "fraud-v2", "general.quantization": "Q4_K" });
    const d = diffTensorHeaders(a, b);
    expect(d.changes.map((c) => [c.name, c.kind])).toEqual([
      ["embed", "shape-changed"], ["head.weight", "dtype-changed"], ["lora.A", "added"], ["old.bias", "removed"],
    ]);
    expect(d.counts).toEqual({ added: 1, removed: 1, changed: 2, unchanged: 1 });
    expect(d.parameterCount).toEqual({ before: 1650, after: 1920 + 32 + 16 + 64, delta: 1920 + 32 + 16 + 64 - 1650 });
    expect(d.metadata).toEqual([
      { key: "general.name", kind: "changed", before: "fraud", after: "fraud-v2" },
      { key: "general.quantization", kind: "added", after: "Q4_K" },
    ]);
  });

  it("summarises huge metadata values such as a tokenizer vocabulary", () => {
    const vocab = Array.from({ length: 5000 }, (_, i) => `tok${i}`);
    const d = diffTensorHeaders(header([], { "tokenizer.ggml.tokens": vocab }), header([], { "tokenizer.ggml.tokens": [...vocab, "new"] }));
    expect(d.metadata).toEqual([{ key: "tokenizer.ggml.tokens", kind: "changed", before: "[array of 5000 items]", after: "[array of 5001 items]" }]);
    expect(JSON.stringify(d).length).toBeLessThan(MAX_METADATA_VALUE_CHARS);
  });

  it("caps the listed changes but keeps counts exact", () => {
    const many = Array.from({ length: MAX_TENSOR_CHANGES + 10 }, (_, i) => [`t${i}`, "F32", [1]] as [string, string, number[]]);
    const d = diffTensorHeaders(header([]), header(many));
    expect(d.changes).toHaveLength(MAX_TENSOR_CHANGES);
    expect(d.counts.added).toBe(MAX_TENSOR_CHANGES + 10);
    expect(d.truncated).toBe(true);
  });
});
