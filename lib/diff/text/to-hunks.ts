import type { EditScript, Hunk } from "./types";

export const DEFAULT_CONTEXT_LINES = 3;

/**
 * Groups the edit script's blocks into unified-diff hunks. Two changes share a hunk when at most
 * 2 × context unchanged lines separate them — git's rule (xdl_get_hunk), so our hunks match git's.
 */
export function toHunks(script: EditScript, options: { context?: number } = {}): Hunk[] {
  const context = options.context ?? DEFAULT_CONTEXT_LINES;
  if (!Number.isInteger(context) || context < 0) throw new TypeError("context must be a non-negative integer");
  const { blocks, stats } = script;
  const hunks: Hunk[] = [];
  let k = 0;
  while (k < blocks.count) {
    const first = k;
    let added = blocks.bEnd[k]! - blocks.bStart[k]!;
    let last = k;
    k++;
    while (k < blocks.count && blocks.aStart[k]! - blocks.aEnd[last]! <= 2 * context) {
      added += blocks.bEnd[k]! - blocks.bStart[k]!;
      last = k;
      k++;
    }
    const lead = Math.min(context, blocks.aStart[first]!);
    const trail = Math.min(context, stats.linesA - blocks.aEnd[last]!);
    const aStart = blocks.aStart[first]! - lead;
    const aEnd = blocks.aEnd[last]! + trail;
    hunks.push({
      aStart,
      aEnd,
      bStart: blocks.bStart[first]! - lead,
      bEnd: blocks.bEnd[last]! + trail,
      firstBlock: first,
      endBlock: last + 1,
      lineCount: aEnd - aStart + added,
    });
  }
  return hunks;
}
