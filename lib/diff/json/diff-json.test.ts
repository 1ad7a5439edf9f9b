import { describe, expect, it } from "vitest";
import { diffJson } from "./diff-json";

describe("diffJson", () => {
  it.each([
    { name: "equal documents", a: { x: 1, y: [1, 2] }, b: { x: 1, y: [1, 2] }, changes: [] },
    { name: "key order is ignored", a: { x: 1, y: 2 }, b: { y: 2, x: 1 }, changes: [] },
    {
      name: "nested value changed",
      a: { model: { params: { lr: 0.1 } } },
      b: { model: { params: { lr: 0.2 } } },
      changes: [{ path: "$.model.params.lr", kind: "changed", before: 0.1, after: 0.2 }],
    },
    {
      name: "added and removed keys",
      a: { keep: 1, gone: "x" },
      b: { keep: 1, fresh: true },
      changes: [
        { path: "$.gone", kind: "removed", before: "x" },
        { path: "$.fresh", kind: "added", after: true },
      ],
    },
    {
      name: "type changed",
      a: { v: "1", w: null, z: [1] },
      b: { v: 1, w: {}, z: { 0: 1 } },
      changes: [
        { path: "$.v", kind: "type-changed", before: "1", after: 1 },
        { path: "$.w", kind: "type-changed", before: null, after: {} },
        { path: "$.z", kind: "type-changed", before: [1], after: { 0: 1 } },
      ],
    },
    {
      name: "arrays of objects by index",
      a: { rows: [{ id: 1 }, { id: 2 }] },
      b: { rows: [{ id: 1 }, { id: 3 }, { id: 4 }] },
      changes: [
        { path: "$.rows[1].id", kind: "changed", before: 2, after: 3 },
        { path: "$.rows[2]", kind: "added", after: { id: 4 } },
      ],
    },
    {
      name: "short scalar arrays are aligned, so an insertion is one change",
      a: { tags: ["a", "b", "c"] },
      b: { tags: ["a", "x", "b", "c"] },
      changes: [{ path: "$.tags[1]", kind: "added", after: "x" }],
    },
    {
      name: "odd keys are quoted",
      a: { "model.v1": 1, "a b": 2 },
      b: { "model.v1": 2, "a b": 3 },
      changes: [
        { path: '$["model.v1"]', kind: "changed", before: 1, after: 2 },
        { path: '$["a b"]', kind: "changed", before: 2, after: 3 },
      ],
    },
    { name: "root scalar", a: 1, b: 2, changes: [{ path: "$", kind: "changed", before: 1, after: 2 }] },
  ])("$name", ({ a, b, changes }) => {
    expect(diffJson(a, b)).toEqual({ changes, truncated: false });
  });

  it("describes large containers instead of copying them", () => {
    const big = Array.from({ length: 1000 }, (_, i) => i);
    expect(diffJson({}, { big }).changes).toEqual([{ path: "$.big", kind: "added", after: "[1000 items]" }]);
  });

  it("stops at maxChanges and says so", () => {
    const a = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, i]));
    const b = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`k${i}`, -i - 1]));
    const r = diffJson(a, b, { maxChanges: 10 });
    expect(r.changes).toHaveLength(10);
    expect(r.truncated).toBe(true);
  });

  it("walks nesting deeper than the call stack", () => {
    let a: unknown = 1;
    let b: unknown = 2;
    for (let i = 0; i < 50_000; i++) {
      a = [a];
      b = [b];
    }
    const r = diffJson(a, b);
    expect(r.changes).toHaveLength(1);
    expect(r.changes[0]!.path).toBe(`$${"[0]".repeat(50_000)}`);
  });
});
