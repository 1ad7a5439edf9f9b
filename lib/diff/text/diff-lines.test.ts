import { describe, expect, it } from "vitest";
import { diffLines } from "./diff-lines";
import type { EditScript, LineDiffResult } from "./types";

const enc = (s: string) => new TextEncoder().encode(s);

function okScript(r: LineDiffResult): EditScript {
  if (r.status !== "ok") throw new Error(`expected a diff, got ${JSON.stringify(r)}`);
  return r.script;
}

/** Rebuilds b from a and the edit script: copy unchanged a-lines, splice in b-lines for each block. */
function applyScript(script: EditScript, a: Uint8Array, b: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const { blocks, lineStartsA: sa, lineStartsB: sb } = script;
  let ai = 0;
  for (let k = 0; k < blocks.count; k++) {
    parts.push(a.subarray(sa[ai]!, sa[blocks.aStart[k]!]!));
    parts.push(b.subarray(sb[blocks.bStart[k]!]!, sb[blocks.bEnd[k]!]!));
    ai = blocks.aEnd[k]!;
  }
  parts.push(a.subarray(sa[ai]!, sa[script.stats.linesA]!));
  return Buffer.concat(parts);
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomText(rnd: () => number, lines: number, vocabulary: number): string[] {
  return Array.from({ length: lines }, () => `line ${Math.floor(rnd() * vocabulary)}`);
}

function mutate(rnd: () => number, lines: string[], edits: number, vocabulary: number): string[] {
  const out = lines.slice();
  for (let e = 0; e < edits; e++) {
    const at = Math.floor(rnd() * (out.length + 1));
    const r = rnd();
    if (r < 0.4) out.splice(at, 1);
    else if (r < 0.7) out.splice(at, 0, `line ${Math.floor(rnd() * vocabulary)}`);
    else out[Math.min(at, out.length - 1)] = `new ${Math.floor(rnd() * vocabulary)}`;
  }
  return out;
}

describe("diffLines", () => {
  // Vocabulary sizes cover unique lines (histogram anchors), frequent lines (Myers fallback) and both.
  const cases = Array.from({ length: 60 }, (_, i) => ({
    seed: i + 1,
    lines: [0, 1, 5, 40, 300][i % 5]!,
    vocabulary: [3, 20, 1_000_000][i % 3]!,
    edits: [0, 1, 4, 25][i % 4]!,
    finalNewline: i % 7 !== 0,
  }));
  it.each(cases)("applying the script to a reproduces b (seed $seed, $lines lines, vocab $vocabulary)", (c) => {
    const rnd = mulberry32(c.seed);
    const aLines = randomText(rnd, c.lines, c.vocabulary);
    const bLines = mutate(rnd, aLines, c.edits, c.vocabulary);
    const nl = c.finalNewline ? "\n" : "";
    const a = enc(aLines.length ? aLines.join("\n") + nl : "");
    const b = enc(bLines.length ? bLines.join("\n") + (rnd() < 0.5 ? nl : "") : "");
    const script = okScript(diffLines(a, b));
    expect(Buffer.from(applyScript(script, a, b)).equals(Buffer.from(b))).toBe(true);
    for (let k = 0; k < script.blocks.count; k++) {
      expect(script.blocks.aEnd[k]! - script.blocks.aStart[k]! + script.blocks.bEnd[k]! - script.blocks.bStart[k]!).toBeGreaterThan(0);
    }
    const { added, removed, linesA, linesB } = script.stats;
    expect(linesA - removed + added).toBe(linesB);
  });

  it("finds a minimal diff for one changed line among unique lines", () => {
    const a = enc("a\nb\nc\nd\n");
    const b = enc("a\nB\nc\nd\n");
    const s = okScript(diffLines(a, b));
    expect(s.blocks.count).toBe(1);
    expect([s.blocks.aStart[0], s.blocks.aEnd[0], s.blocks.bStart[0], s.blocks.bEnd[0]]).toEqual([1, 2, 1, 2]);
    expect(s.stats).toEqual({ added: 1, removed: 1, linesA: 4, linesB: 4 });
  });

  it.each([
    { name: "identical", a: "x\ny\n", b: "x\ny\n", blocks: 0 },
    { name: "both empty", a: "", b: "", blocks: 0 },
    { name: "added to empty", a: "", b: "x\n", blocks: 1 },
    { name: "missing final newline is a change", a: "x\ny", b: "x\ny\n", blocks: 1 },
    { name: "CRLF vs LF is a change", a: "x\r\ny\r\n", b: "x\ny\r\n", blocks: 1 },
  ])("$name → $blocks block(s)", ({ a, b, blocks }) => {
    expect(okScript(diffLines(enc(a), enc(b))).blocks.count).toBe(blocks);
  });

  it.each([
    { name: "indentation", a: "def f():\n    return 1\n", b: "def f():\n\treturn  1\n" },
    { name: "CRLF line endings", a: "a\r\nb\r\n", b: "a\nb\n" },
    { name: "spaces inside", a: "x = 1\n", b: "x=1\n" },
  ])("ignoreWhitespace hides $name", ({ a, b }) => {
    expect(okScript(diffLines(enc(a), enc(b))).blocks.count).toBeGreaterThan(0);
    expect(okScript(diffLines(enc(a), enc(b), { ignoreWhitespace: true })).blocks.count).toBe(0);
  });

  it("ignoreWhitespace still reports real changes", () => {
    const s = okScript(diffLines(enc("a = 1\nb = 2\n"), enc("a  = 1\nb = 3\n"), { ignoreWhitespace: true }));
    expect(s.stats).toMatchObject({ added: 1, removed: 1 });
    expect(s.blocks.aStart[0]).toBe(1);
  });

  it("reports binary content (NUL in the first 8 KB) without a line diff", () => {
    const bin = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x10]);
    expect(diffLines(bin, enc("text\n"))).toEqual({ status: "skipped", reason: "binary", summary: { bytesA: 6, bytesB: 5 } });
  });

  it("treats a NUL after the sniff window as text", () => {
    const late = new Uint8Array(9000).fill(0x61);
    late[8999] = 0;
    expect(diffLines(late, late).status).toBe("ok");
  });

  it("hands lines over 10k characters to another differ", () => {
    const minified = enc(`{"a":"${"x".repeat(20_000)}"}`);
    const r = diffLines(minified, enc("{}\n"));
    expect(r).toMatchObject({ status: "skipped", reason: "long-lines", summary: { bytesA: minified.length } });
  });

  it.each([
    { name: "line cap", options: { maxLines: 3 } },
    { name: "byte cap", options: { maxBytes: 5 } },
  ])("degrades to a summary past the $name", ({ options }) => {
    const r = diffLines(enc("1\n2\n3\n4\n"), enc("1\n"), options);
    expect(r).toMatchObject({ status: "skipped", reason: "too-large", summary: { bytesA: 8, bytesB: 2 } });
  });

  it("returns a timeout summary when the deadline has passed", () => {
    expect(diffLines(enc("a\nb\n"), enc("a\nc"), { deadlineMs: 0 })).toEqual({
      status: "timeout",
      summary: { bytesA: 4, bytesB: 3, linesA: 2, linesB: 2 },
    });
  });

  it("gives up cooperatively inside the loops on a large input with a tiny deadline", () => {
    // 600k lines: splitting alone takes far longer than 1 ms, and the deadline is checked every 65k lines.
    const rnd = mulberry32(7);
    const a = enc(randomText(rnd, 600_000, 1e9).join("\n"));
    const b = enc(randomText(rnd, 600_000, 1e9).join("\n"));
    const r = diffLines(a, b, { deadlineMs: 1 });
    expect(r.status).toBe("timeout");
    expect(r).toMatchObject({ summary: { bytesA: a.length, bytesB: b.length } });
    // Building 1.2M random lines is slow on a loaded machine; the vitest default of 5 s is not a property of the code.
  }, 120_000);

  it("rejects non-byte input as programmer misuse", () => {
    expect(() => diffLines("a" as unknown as Uint8Array, enc("b"))).toThrow(TypeError);
  });
});
