import { describe, expect, it } from "vitest";
import { classifyFileForDiff } from "./classify-file-for-diff";
import { sniffBinary } from "./sniff-binary";

const bytes = (s: string) => new TextEncoder().encode(s);

describe("classifyFileForDiff", () => {
  it.each([
    ["notebooks/eda.ipynb", "notebook"], ["config/params.JSON", "json"], ["deploy.yml", "yaml"], ["Kitfile", "yaml"],
    ["data/train.csv", "csv"], ["data/train.tsv", "tsv"], ["model.safetensors", "safetensors"], ["m/q4.gguf", "gguf"],
    ["README.md", "markdown"], ["src/train.py", "text"], ["LICENSE", "text"], ["data/events.jsonl", "text"],
    ["model/model.joblib", "binary"], ["weights.pt", "binary"], ["img.png", "binary"], ["x/unknown.xyz", "binary"],
  ])("%s → %s", (path, expected) => {
    expect(classifyFileForDiff(path)).toBe(expected);
  });

  it("uses magic bytes and a sniff when the name does not decide", () => {
    expect(classifyFileForDiff("blob", { head: bytes("GGUF\u0003\u0000\u0000\u0000") })).toBe("gguf");
    const st = new Uint8Array([0x10, 0, 0, 0, 0, 0, 0, 0, 0x7b, 0x22]);
    expect(classifyFileForDiff("weights", { head: st })).toBe("safetensors");
    expect(classifyFileForDiff("notes", { head: bytes("plain words\nmore words — ünïcode\n") })).toBe("text");
    expect(classifyFileForDiff("blob", { head: new Uint8Array([1, 2, 0, 4]) })).toBe("binary");
    expect(classifyFileForDiff("empty", { sizeA: 0, sizeB: 0 })).toBe("text");
  });
});

describe("sniffBinary", () => {
  it("accepts UTF-8 cut mid-character and rejects invalid UTF-8 and control noise", () => {
    const euro = bytes("price: 5€");
    expect(sniffBinary(euro.subarray(0, euro.length - 1))).toBe(false);
    expect(sniffBinary(new Uint8Array([0x61, 0xff, 0xfe, 0x62]))).toBe(true);
    expect(sniffBinary(new Uint8Array(Array.from({ length: 100 }, (_, i) => (i % 2 ? 1 : 65))))).toBe(true);
    expect(sniffBinary(new Uint8Array())).toBe(false);
  });
});
