import { formatHunkHeader } from "./format-hunk-header";
import { toHunks } from "./to-hunks";
import type { EditScript, Hunk } from "./types";
import { walkHunk } from "./walk-hunk";

export interface RenderUnifiedPatchOptions {
  /** Paths for the headers; null means the side does not exist (/dev/null, as git prints it). */
  oldPath?: string | null;
  newPath?: string | null;
  context?: number;
  /** Precomputed hunks (toHunks) so paging does not regroup on every page. */
  hunks?: Hunk[];
  /** Page of hunks to render: [offset, offset + limit). */
  offset?: number;
  limit?: number;
}

const NO_NEWLINE = Buffer.from("\n\\ No newline at end of file\n");

function safePath(p: string): string {
  // Paths come from hostile archives; a control character would forge extra patch lines.
  return p.replace(/[\x00-\x1f\x7f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/**
 * A standard unified patch (git's `diff --git`/`---`/`+++`/`@@` layout) for a range of hunks, so the UI
 * hands diff2html only what is on screen. Built as bytes and decoded once: the lines are copied
 * straight from the inputs, never split into per-line strings.
 */
export function renderUnifiedPatch(
  script: EditScript,
  a: Uint8Array,
  b: Uint8Array,
  options: RenderUnifiedPatchOptions = {},
): string {
  const hunks = options.hunks ?? toHunks(script, { context: options.context });
  const offset = options.offset ?? 0;
  const end = Math.min(hunks.length, offset + (options.limit ?? hunks.length));
  if (offset >= end) return "";
  const oldPath = options.oldPath === undefined ? "file" : options.oldPath;
  const newPath = options.newPath === undefined ? (oldPath ?? "file") : options.newPath;
  const gitA = safePath(oldPath ?? newPath ?? "file");
  const gitB = safePath(newPath ?? oldPath ?? "file");
  const header =
    `diff --git a/${gitA} b/${gitB}\n` +
    (oldPath === null ? "new file mode 100644\n" : newPath === null ? "deleted file mode 100644\n" : "") +
    `--- ${oldPath === null ? "/dev/null" : `a/${safePath(oldPath)}`}\n` +
    `+++ ${newPath === null ? "/dev/null" : `b/${safePath(newPath)}`}\n`;

  const bufA = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  const bufB = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  let out = Buffer.allocUnsafe(4096);
  let pos = 0;
  const ensure = (n: number) => {
    if (pos + n <= out.length) return;
    let size = out.length * 2;
    while (size < pos + n) size *= 2;
    const grown = Buffer.allocUnsafe(size);
    out.copy(grown, 0, 0, pos);
    out = grown;
  };
  const writeText = (s: string) => {
    ensure(s.length * 3);
    pos += out.write(s, pos, "utf8");
  };
  const { lineStartsA, lineStartsB } = script;
  const emit = (prefix: number, src: Buffer, starts: Uint32Array, line: number) => {
    const s = starts[line]!;
    const e = starts[line + 1]!;
    ensure(e - s + 1 + NO_NEWLINE.length);
    out[pos++] = prefix;
    pos += src.copy(out, pos, s, e);
    if (e === s || src[e - 1] !== 10) pos += NO_NEWLINE.copy(out, pos);
  };

  writeText(header);
  for (let h = offset; h < end; h++) {
    const hunk = hunks[h]!;
    writeText(`${formatHunkHeader(hunk)}\n`);
    walkHunk(script, hunk, (kind, line) => {
      if (kind === "context") emit(32, bufA, lineStartsA, line);
      else if (kind === "removed") emit(45, bufA, lineStartsA, line);
      else emit(43, bufB, lineStartsB, line);
    });
  }
  return out.toString("utf8", 0, pos);
}
