import type { EditScript, Hunk } from "./types";

export type HunkLineKind = "context" | "removed" | "added";

/** Visits a hunk's patch lines in unified-diff order; `line` is 0-based on side a (context, removed) or b (added). */
export function walkHunk(
  script: EditScript,
  hunk: Hunk,
  visit: (kind: HunkLineKind, line: number, otherLine: number) => void,
): void {
  const { blocks } = script;
  let ai = hunk.aStart;
  let bi = hunk.bStart;
  for (let k = hunk.firstBlock; k < hunk.endBlock; k++) {
    for (; ai < blocks.aStart[k]!; ai++, bi++) visit("context", ai, bi);
    for (; ai < blocks.aEnd[k]!; ai++) visit("removed", ai, -1);
    for (; bi < blocks.bEnd[k]!; bi++) visit("added", bi, -1);
  }
  for (; ai < hunk.aEnd; ai++, bi++) visit("context", ai, bi);
}
