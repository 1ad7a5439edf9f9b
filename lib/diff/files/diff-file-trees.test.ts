import { describe, expect, it } from "vitest";
import type { FileEntry } from "@/lib/layers/types";
import { diffFileTrees } from "./diff-file-trees";
import { filterFileDiff } from "./filter-file-diff";

const f = (path: string, size: number, mode = 0o644): FileEntry => ({ path, type: "file", size, mode });
const d = (path: string): FileEntry => ({ path, type: "directory", size: 0, mode: 0o755 });
const l = (path: string, target: string): FileEntry => ({ path, type: "symlink", size: 0, mode: 0o777, linkTarget: target });

const before = [d("src"), f("src/train.py", 1200), f("src/util.py", 300), f("src/run.sh", 80), f("src/same.py", 10),
  f("src/conf", 20), l("src/latest", "v1"), f("src/gone.txt", 5)];
const after = [d("src"), f("src/train.py", 1250), f("src/util.py", 300), f("src/run.sh", 80, 0o755), f("src/same.py", 10),
  d("src/conf"), l("src/latest", "v2"), f("src/new.py", 42)];

describe("diffFileTrees", () => {
  it("classifies each kind of change and sorts by path", () => {
    const r = diffFileTrees(before, after);
    expect(r.changes.map((c) => [c.path, c.kind])).toEqual([
      ["src/conf", "type-changed"],
      ["src/gone.txt", "removed"],
      ["src/latest", "modified"],
      ["src/new.py", "added"],
      ["src/run.sh", "mode-changed"],
      ["src/train.py", "modified"],
    ]);
    expect(r.counts).toEqual({ added: 1, removed: 1, modified: 2, modeChanged: 1, typeChanged: 1, unchanged: 1, unverified: 2 });
    expect(r.changes.find((c) => c.path === "src/train.py")).toMatchObject({ before: { size: 1200 }, after: { size: 1250 }, comparedBy: "size" });
  });

  it("uses content digests when both sides supply them", () => {
    const r = diffFileTrees(before, after, {
      digestsA: new Map([["src/util.py", "aa"], ["src/same.py", "cc"]]),
      digestsB: new Map([["src/util.py", "bb"], ["src/same.py", "cc"]]),
    });
    expect(r.changes.find((c) => c.path === "src/util.py")).toMatchObject({ kind: "modified", comparedBy: "digest" });
    expect(r.changes.some((c) => c.path === "src/same.py")).toBe(false);
    expect(r.counts.unchanged).toBe(2);
  });

  it("keeps the last of duplicate tar entries, like extraction does", () => {
    const r = diffFileTrees([f("a", 1), f("a", 2)], [f("a", 2)]);
    expect(r.changes).toEqual([]);
  });

  it("filters by query and kind", () => {
    const { changes } = diffFileTrees(before, after);
    expect(filterFileDiff(changes, { query: "TRAIN" }).map((c) => c.path)).toEqual(["src/train.py"]);
    expect(filterFileDiff(changes, { query: "src/*.py" }).map((c) => c.path)).toEqual(["src/new.py", "src/train.py"]);
    expect(filterFileDiff(changes, { kinds: ["added", "removed"] }).map((c) => c.kind)).toEqual(["removed", "added"]);
    expect(filterFileDiff(changes, { query: "(((" })).toEqual([]);
  });
});
