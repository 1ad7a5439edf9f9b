import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { diffJson } from "./diff-json";
import { diffJsonText } from "./diff-json-text";
import { diffJsonTokens } from "./diff-json-tokens";
import type { JsonChange } from "./types";

const enc = (v: unknown, indent?: number) => new TextEncoder().encode(JSON.stringify(v, null, indent));
const byPath = (cs: JsonChange[]) => cs.slice().sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Records big enough that some are split into tokens and some folded into one. */
function doc(rnd: () => number, n: number) {
  return {
    name: 'quote " and ] and } and , inside',
    unicode: "caf\u00e9 \u2603 \ud83d\ude00",
    records: Array.from({ length: n }, (_, i) => ({
      id: i,
      text: rnd() < 0.3 ? "x".repeat(Math.floor(rnd() * 400)) : `r${i}`,
      nested: { list: [[i, i + 1], [rnd() < 0.5 ? "a" : "b"]], flag: rnd() < 0.5 },
    })),
  };
}

describe("diffJsonTokens", () => {
  it("reports changed values by JSON path in a large minified document without parsing it whole", () => {
    const a = doc(mulberry32(1), 3000);
    const b = structuredClone(a);
    b.records[1234]!.nested.flag = !b.records[1234]!.nested.flag;
    b.records[2999]!.text = "changed";
    b.name = "renamed";
    expect(byPath(diffJsonTokens(enc(a), enc(b)).changes)).toEqual(byPath(diffJson(a, b).changes));
    expect(diffJsonTokens(enc(a), enc(b)).changes.map((c) => c.path)).toEqual(
      expect.arrayContaining(["$.name", "$.records[1234].nested.flag", "$.records[2999].text"]),
    );
  });

  it("agrees with the parse path on random value edits, minified and pretty-printed", () => {
    for (let seed = 1; seed <= 20; seed++) {
      const rnd = mulberry32(seed);
      const a = doc(rnd, 60);
      const b = structuredClone(a);
      for (let k = 0; k < 4; k++) {
        const r = b.records[Math.floor(rnd() * b.records.length)]!;
        const pick = rnd();
        if (pick < 0.3) r.text = `t${seed}-${k} "q" [x]`;
        else if (pick < 0.6) r.nested.list[1] = ["c", "d"];
        else if (pick < 0.8) (r as Record<string, unknown>).extra = { deep: [1, 2, 3] };
        else delete (r.nested as Partial<typeof r.nested>).flag;
      }
      const expected = byPath(diffJson(a, b).changes);
      expect(byPath(diffJsonTokens(enc(a), enc(b)).changes)).toEqual(expected);
      expect(byPath(diffJsonTokens(enc(a, 2), enc(b)).changes)).toEqual(expected);
    }
  });

  it("ignores re-indentation and moved object members", () => {
    const a = { b: 1, a: { x: [1, 2, 3], s: "x  y" } };
    const b = { a: { s: "x  y", x: [1, 2, 3] }, b: 1 };
    expect(diffJsonTokens(enc(a, 4), enc(b), {}).changes).toEqual([]);
  });

  it("reports an element inserted into a long array as one addition, not a cascade", () => {
    const rows = Array.from({ length: 800 }, (_, i) => ({ id: i, pad: "p".repeat(300) }));
    const b = [...rows.slice(0, 400), { id: -1, pad: "new" }, ...rows.slice(400)];
    const d = diffJsonTokens(enc({ rows }), enc({ rows: b }));
    expect(d.changes).toEqual([{ path: "$.rows[400]", kind: "added", after: { id: -1, pad: "new" } }]);
  });

  it("describes a large added or removed container instead of inlining it", () => {
    const big = Array.from({ length: 5000 }, (_, i) => ({ id: i, v: "value ".repeat(5) }));
    const d = diffJsonTokens(enc({ keep: 1, big }), enc({ keep: 1 }));
    expect(d.changes).toEqual([{ path: "$.big", kind: "removed", before: "[5000 items]" }]);
  });

  it("quotes odd keys like diffJson does", () => {
    const d = diffJsonTokens(enc({ "a.b": { "x y": 1 } }), enc({ "a.b": { "x y": 2 } }));
    expect(d.changes).toEqual([{ path: '$["a.b"]["x y"]', kind: "changed", before: 1, after: 2 }]);
  });

  it("stops at maxChanges and says so", () => {
    const a = Array.from({ length: 100 }, (_, i) => i);
    const b = a.map((x) => -x - 1);
    const d = diffJsonTokens(enc(a), enc(b), { maxChanges: 5 });
    expect(d.changes).toHaveLength(5);
    expect(d.truncated).toBe(true);
  });

  it("falls back to parsing for nesting deeper than the token path allows", () => {
    const deep = (leaf: number) => "[".repeat(2000) + leaf + "]".repeat(2000);
    const d = diffJsonTokens(new TextEncoder().encode(deep(1)), new TextEncoder().encode(deep(2)));
    expect(d.changes).toEqual([{ path: "$" + "[0]".repeat(2000), kind: "changed", before: 1, after: 2 }]);
  });

  it("fails on a malformed changed value with MALFORMED_CONTENT", () => {
    const good = enc({ a: [1, 2, 3], b: "x" });
    const bad = new TextEncoder().encode('{"a":[1,2,3],"b":x-y}');
    expect(() => diffJsonTokens(good, bad)).toThrow(AppError);
  });
});

describe("diffJsonText strategies", () => {
  it("uses the token path for large inputs and gives the same answer as parsing", () => {
    const a = doc(mulberry32(7), 4000);
    const b = structuredClone(a);
    b.records[17]!.id = -17;
    const text = JSON.stringify(a);
    expect(text.length).toBeGreaterThan(512 * 1024);
    const auto = diffJsonText(text, JSON.stringify(b));
    expect(auto).toEqual(diffJsonText(text, JSON.stringify(b), { strategy: "parse" }));
    expect(auto.changes).toEqual([{ path: "$.records[17].id", kind: "changed", before: 17, after: -17 }]);
  });

  it("accepts a BOM on the token path", () => {
    expect(diffJsonText('\uFEFF{"a":[1]}', '{"a":[1]}', { strategy: "tokens" }).changes).toEqual([]);
  });
});
