import type { FileEntry } from "@/lib/layers/types";
import type { FileChange, FileDiffCounts, FileSide, FileTreeDiff } from "@/lib/diff/types";

export interface FileTreeDiffOptions {
  /** sha256 per path for side a, when the caller hashed contents (tar listings carry none) */
  digestsA?: ReadonlyMap<string, string>;
  digestsB?: ReadonlyMap<string, string>;
}

/** Permission bits only: tar modes may carry type bits that are already in `type`. */
const PERMISSION_MASK = 0o7777;

function side(entry: FileEntry, digests: ReadonlyMap<string, string> | undefined): FileSide {
  const sha256 = entry.type === "file" ? digests?.get(entry.path) : undefined;
  return {
    type: entry.type,
    size: entry.size,
    mode: entry.mode & PERMISSION_MASK,
    ...(entry.linkTarget !== undefined ? { linkTarget: entry.linkTarget } : {}),
    ...(sha256 !== undefined ? { sha256 } : {}),
  };
}

function index(list: readonly FileEntry[]): Map<string, FileEntry> {
  // A tar may list a path twice; extraction keeps the last one, so does the diff.
  const map = new Map<string, FileEntry>();
  for (const e of list) map.set(e.path, e);
  return map;
}

/**
 * Files added, removed, modified, mode-changed or type-changed between two layer listings, sorted by
 * path. Without content digests a file is "modified" only when its size differs; equal sizes are
 * counted as `unverified` rather than claimed identical.
 */
export function diffFileTrees(a: readonly FileEntry[], b: readonly FileEntry[], options: FileTreeDiffOptions = {}): FileTreeDiff {
  const mapA = index(a);
  const mapB = index(b);
  const counts: FileDiffCounts = { added: 0, removed: 0, modified: 0, modeChanged: 0, typeChanged: 0, unchanged: 0, unverified: 0 };
  const changes: FileChange[] = [];
  let bytesBefore = 0;
  let bytesAfter = 0;

  for (const [path, ea] of mapA) {
    const before = side(ea, options.digestsA);
    if (ea.type === "file") bytesBefore += ea.size;
    const eb = mapB.get(path);
    if (!eb) {
      counts.removed++;
      changes.push({ path, kind: "removed", before, modeChanged: false, comparedBy: "none" });
      continue;
    }
    const after = side(eb, options.digestsB);
    const modeChanged = before.mode !== after.mode;
    if (before.type !== after.type) {
      counts.typeChanged++;
      changes.push({ path, kind: "type-changed", before, after, modeChanged, comparedBy: "none" });
      continue;
    }
    let modified = false;
    let comparedBy: FileChange["comparedBy"] = "none";
    if (before.type === "symlink" || before.type === "hardlink") {
      comparedBy = "link";
      modified = before.linkTarget !== after.linkTarget;
    } else if (before.type === "file") {
      if (before.sha256 !== undefined && after.sha256 !== undefined) {
        comparedBy = "digest";
        modified = before.sha256 !== after.sha256;
      } else {
        comparedBy = "size";
        modified = before.size !== after.size;
      }
    }
    if (modified) {
      counts.modified++;
      changes.push({ path, kind: "modified", before, after, modeChanged, comparedBy });
    } else if (modeChanged) {
      counts.modeChanged++;
      changes.push({ path, kind: "mode-changed", before, after, modeChanged, comparedBy });
    } else if (comparedBy === "size") {
      counts.unverified++;
    } else {
      counts.unchanged++;
    }
  }
  for (const [path, eb] of mapB) {
    if (eb.type === "file") bytesAfter += eb.size;
    if (mapA.has(path)) continue;
    counts.added++;
    changes.push({ path, kind: "added", after: side(eb, options.digestsB), modeChanged: false, comparedBy: "none" });
  }
  changes.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
  return { changes, counts, bytesBefore, bytesAfter };
}
