import type { Hunk } from "./types";

function range(start: number, len: number): string {
  // Unified-diff convention: an empty range names the line before it; a length of 1 is omitted.
  if (len === 0) return `${start},0`;
  if (len === 1) return `${start + 1}`;
  return `${start + 1},${len}`;
}

export function formatHunkHeader(hunk: Hunk): string {
  return `@@ -${range(hunk.aStart, hunk.aEnd - hunk.aStart)} +${range(hunk.bStart, hunk.bEnd - hunk.bStart)} @@`;
}
