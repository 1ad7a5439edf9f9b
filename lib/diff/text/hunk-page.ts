import { formatHunkHeader } from "./format-hunk-header";
import { toHunks } from "./to-hunks";
import type { EditScript, Hunk, HunkLine, HunkPage } from "./types";
import { walkHunk } from "./walk-hunk";

function lineOf(buf: Buffer, starts: Uint32Array, line: number): { text: string; eol: HunkLine["eol"] } {
  const s = starts[line]!;
  let e = starts[line + 1]!;
  let eol: HunkLine["eol"] = "none";
  if (e > s && buf[e - 1] === 10) {
    e--;
    eol = "lf";
    if (e > s && buf[e - 1] === 13) {
      e--;
      eol = "crlf";
    }
  }
  return { text: buf.toString("utf8", s, e), eol };
}

/**
 * One page of hunks with their lines as strings — strings exist only for the requested page — plus
 * totals so the client can size its list and ask for the next page.
 */
export function hunkPage(
  script: EditScript,
  a: Uint8Array,
  b: Uint8Array,
  options: { offset?: number; limit?: number; context?: number; hunks?: Hunk[] } = {},
): HunkPage {
  const offset = options.offset ?? 0;
  const limit = options.limit ?? 20;
  if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(limit) || limit < 0) {
    throw new TypeError("offset and limit must be non-negative integers");
  }
  const hunks = options.hunks ?? toHunks(script, { context: options.context });
  const bufA = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const bufB = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let totalLines = 0;
  for (const h of hunks) totalLines += h.lineCount;
  const page = hunks.slice(offset, offset + limit).map((hunk) => {
    const lines: HunkLine[] = [];
    walkHunk(script, hunk, (kind, line, other) => {
      if (kind === "added") lines.push({ kind, ...lineOf(bufB, script.lineStartsB, line), bLine: line + 1 });
      else if (kind === "removed") lines.push({ kind, ...lineOf(bufA, script.lineStartsA, line), aLine: line + 1 });
      else lines.push({ kind, ...lineOf(bufA, script.lineStartsA, line), aLine: line + 1, bLine: other + 1 });
    });
    return { header: formatHunkHeader(hunk), hunk, lines };
  });
  return { hunks: page, offset, totalHunks: hunks.length, totalLines, stats: script.stats };
}
