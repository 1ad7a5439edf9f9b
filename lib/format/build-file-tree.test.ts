import { describe, expect, it } from "vitest";
import type { FileEntry } from "@/lib/layers/types";
import { buildFileTree } from "./build-file-tree";

const file = (path: string, extra: Partial<FileEntry> = {}): FileEntry => ({ path, type: "file", size: 1, mode: 0o644, ...extra });

describe("buildFileTree", () => {
  it("nests flat tar paths, inventing missing parent folders, folders first", () => {
    const rows = buildFileTree([file("src/train.py"), file("README.md"), file("src/lib/util.py")]);
    expect(rows.map((r) => [r.name, r.depth, r.isDirectory])).toEqual([
      ["src", 0, true],
      ["lib", 1, true],
      ["util.py", 2, false],
      ["train.py", 1, false],
      ["README.md", 0, false],
    ]);
    expect(rows[0]?.entry).toBeNull();
    expect(rows[2]?.path).toBe("src/lib/util.py");
  });

  it("keeps hostile names as top-level rows showing the raw name", () => {
    const rows = buildFileTree([
      file("model/w.bin"),
      file("etc/passwd", { rawName: "../../etc/passwd", unsafe: "traversal" }),
      file("abs", { rawName: "/abs", unsafe: "absolute" }),
    ]);
    const hostile = rows.filter((r) => r.entry?.unsafe);
    expect(hostile.map((r) => [r.name, r.depth])).toEqual([
      ["../../etc/passwd", 0],
      ["/abs", 0],
    ]);
    expect(rows.some((r) => r.name === "etc")).toBe(false);
  });
});
