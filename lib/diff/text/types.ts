/**
 * Types of the line-diff engine. An edit script is a handful of typed arrays rather than one object
 * per line, so a 1M-line diff stays a few MB and can be transferred out of a worker without copying.
 */

export interface DiffLinesOptions {
  /** Compare lines with all whitespace removed (like `git diff -w`); CR counts as whitespace. */
  ignoreWhitespace?: boolean;
  /** Cooperative time budget in ms, checked inside the loops; past it the result is a timeout summary. */
  deadlineMs?: number;
  /** Per-side caps; default to the hard caps in limits.ts. */
  maxBytes?: number;
  maxLines?: number;
}

/** Changed regions as parallel arrays: block i replaces a-lines [aStart[i], aEnd[i]) by b-lines [bStart[i], bEnd[i]). */
export interface EditBlocks {
  count: number;
  aStart: Int32Array;
  aEnd: Int32Array;
  bStart: Int32Array;
  bEnd: Int32Array;
}

export interface DiffStats {
  added: number;
  removed: number;
  linesA: number;
  linesB: number;
}

export interface EditScript {
  blocks: EditBlocks;
  /** Byte offset where each line starts, plus one final entry = byte length; a line includes its "\n". */
  lineStartsA: Uint32Array;
  lineStartsB: Uint32Array;
  stats: DiffStats;
}

export interface DiffSummary {
  bytesA: number;
  bytesB: number;
  /** Absent when counting them was not possible (binary content). */
  linesA?: number;
  linesB?: number;
}

/** Why no line diff was produced: the caller picks another view (binary metadata, JSON/char diff, summary). */
export type LineDiffSkipReason = "binary" | "long-lines" | "too-large";

export type LineDiffResult =
  | { status: "ok"; script: EditScript }
  | { status: "skipped"; reason: LineDiffSkipReason; summary: DiffSummary }
  | { status: "timeout"; summary: DiffSummary };

/** One hunk of a unified diff, 0-based half-open line ranges including context. */
export interface Hunk {
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
  /** Blocks [firstBlock, endBlock) of the edit script that this hunk shows. */
  firstBlock: number;
  endBlock: number;
  /** Number of patch lines (context + removed + added), excluding the @@ header. */
  lineCount: number;
}

export interface HunkLine {
  kind: "context" | "added" | "removed";
  /** Line text without its line terminator. */
  text: string;
  /** 1-based line numbers on each side, where the line exists. */
  aLine?: number;
  bLine?: number;
  /** The terminator the line had: shows CRLF-only changes and a missing final newline. */
  eol: "lf" | "crlf" | "none";
}

export interface HunkWithLines {
  /** The `@@ -a,b +c,d @@` header, as in the unified patch. */
  header: string;
  hunk: Hunk;
  lines: HunkLine[];
}

export interface HunkPage {
  hunks: HunkWithLines[];
  offset: number;
  totalHunks: number;
  /** Patch lines over all hunks, so a client can size a virtual list before loading the rest. */
  totalLines: number;
  stats: DiffStats;
}
