import { histogramDiff } from "./histogram-diff";
import { indexLines } from "./index-lines";
import { BINARY_SNIFF_BYTES, HARD_MAX_BYTES, HARD_MAX_LINES } from "./limits";
import type { DiffLinesOptions, EditBlocks, LineDiffResult } from "./types";

function looksBinary(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, BINARY_SNIFF_BYTES);
  for (let i = 0; i < n; i++) if (buf[i] === 0) return true;
  return false;
}

function collectBlocks(changedA: Uint8Array, changedB: Uint8Array): EditBlocks {
  const nA = changedA.length;
  const nB = changedB.length;
  let cap = 64;
  let aStart = new Int32Array(cap);
  let aEnd = new Int32Array(cap);
  let bStart = new Int32Array(cap);
  let bEnd = new Int32Array(cap);
  let count = 0;
  let i = 0;
  let j = 0;
  while (i < nA || j < nB) {
    if (i < nA && j < nB && changedA[i] === 0 && changedB[j] === 0) {
      i++;
      j++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while (i < nA && changedA[i] === 1) i++;
    while (j < nB && changedB[j] === 1) j++;
    if (count === cap) {
      cap *= 2;
      const grow = (x: Int32Array) => {
        const y = new Int32Array(cap);
        y.set(x);
        return y;
      };
      aStart = grow(aStart);
      aEnd = grow(aEnd);
      bStart = grow(bStart);
      bEnd = grow(bEnd);
    }
    aStart[count] = i0;
    aEnd[count] = i;
    bStart[count] = j0;
    bEnd[count] = j;
    count++;
  }
  return {
    count,
    aStart: aStart.slice(0, count),
    aEnd: aEnd.slice(0, count),
    bStart: bStart.slice(0, count),
    bEnd: bEnd.slice(0, count),
  };
}

function countLines(buf: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  return buf.length > 0 && buf[buf.length - 1] !== 10 ? n + 1 : n;
}

/**
 * Line diff of two byte buffers: which line ranges of `a` are replaced by which of `b`, plus line
 * offset tables so any hunk can be sliced later without holding JS strings for every line.
 * Pure and synchronous; `deadlineMs` is enforced cooperatively inside the loops, and
 * runDiffWithDeadline adds a worker that is terminated for hard isolation.
 */
export function diffLines(a: Uint8Array, b: Uint8Array, options: DiffLinesOptions = {}): LineDiffResult {
  if (!(a instanceof Uint8Array) || !(b instanceof Uint8Array)) throw new TypeError("diffLines expects two Uint8Arrays");
  const started = performance.now();
  const deadline = options.deadlineMs === undefined ? Infinity : started + options.deadlineMs;
  const maxBytes = options.maxBytes ?? HARD_MAX_BYTES;
  const maxLines = options.maxLines ?? HARD_MAX_LINES;
  const bytes = { bytesA: a.length, bytesB: b.length };

  if (looksBinary(a) || looksBinary(b)) return { status: "skipped", reason: "binary", summary: bytes };
  if (a.length > maxBytes || b.length > maxBytes) return { status: "skipped", reason: "too-large", summary: bytes };
  if (options.deadlineMs !== undefined && options.deadlineMs <= 0) {
    return { status: "timeout", summary: { ...bytes, linesA: countLines(a), linesB: countLines(b) } };
  }

  const indexed = indexLines(a, b, { ignoreWhitespace: options.ignoreWhitespace === true, maxLines, deadline });
  if (indexed.status !== "ok") {
    const summary = { ...bytes, linesA: indexed.linesA ?? countLines(a), linesB: indexed.linesB ?? countLines(b) };
    if (indexed.status === "timeout") return { status: "timeout", summary };
    return { status: "skipped", reason: indexed.status, summary };
  }
  const ix = indexed.index;
  const changedA = new Uint8Array(ix.linesA).fill(1);
  const changedB = new Uint8Array(ix.linesB).fill(1);
  if (!histogramDiff(ix.idsA, ix.idsB, ix.idCount, changedA, changedB, deadline)) {
    return { status: "timeout", summary: { ...bytes, linesA: ix.linesA, linesB: ix.linesB } };
  }
  const blocks = collectBlocks(changedA, changedB);
  let added = 0;
  let removed = 0;
  for (let k = 0; k < blocks.count; k++) {
    removed += blocks.aEnd[k]! - blocks.aStart[k]!;
    added += blocks.bEnd[k]! - blocks.bStart[k]!;
  }
  return {
    status: "ok",
    script: {
      blocks,
      lineStartsA: ix.startsA,
      lineStartsB: ix.startsB,
      stats: { added, removed, linesA: ix.linesA, linesB: ix.linesB },
    },
  };
}
