import { MAX_LINE_LENGTH } from "./limits";

/**
 * Splits both sides into lines and maps every line to a small integer id (equal lines ⇔ equal ids).
 * Hand-written because this is where time goes (diff-performance.md: decoding to JS strings and a Map
 * cost ≈75% of a 1M-line diff): we hash straight from the bytes and intern through an open-addressing
 * table of typed arrays, comparing bytes only when hashes meet.
 */
export interface LineIndex {
  /** Line start offsets, plus the byte length as final entry. */
  startsA: Uint32Array;
  startsB: Uint32Array;
  linesA: number;
  linesB: number;
  idsA: Int32Array;
  idsB: Int32Array;
  idCount: number;
}

export type IndexLinesOutcome =
  | { status: "ok"; index: LineIndex }
  | { status: "timeout" | "too-large" | "long-lines"; linesA?: number; linesB?: number };

interface SplitSide {
  starts: Uint32Array;
  hashes: Int32Array;
  lines: number;
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;
/** How many lines pass between two deadline checks (a check costs a syscall-free but non-trivial clock read). */
const DEADLINE_STRIDE_MASK = 0xffff;

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 11 || c === 12;
}

function splitAndHash(
  buf: Uint8Array,
  ignoreWhitespace: boolean,
  maxLines: number,
  deadline: number,
): SplitSide | "timeout" | "too-large" | "long-lines" {
  const len = buf.length;
  // Guess ≈40 bytes a line; arrays double when the guess is short.
  let cap = Math.max(1, Math.min(maxLines, (len >>> 5) + 16));
  let starts = new Uint32Array(cap + 1);
  let hashes = new Int32Array(cap);
  let n = 0;
  let lineStart = 0;
  let h = FNV_OFFSET;
  let i = 0;
  while (i <= len) {
    // Scanning stops one byte past the line-length limit: a 5 MB minified line is rejected after 10 KB.
    const stop = Math.min(len, lineStart + MAX_LINE_LENGTH + 1);
    // Tight byte loops, one per mode, so the hot path has no per-byte branch on the option.
    if (ignoreWhitespace) {
      for (; i < stop; i++) {
        const c = buf[i]!;
        if (c === 10) break;
        if (!isBlank(c)) h = Math.imul(h ^ c, FNV_PRIME);
      }
    } else {
      for (; i < stop; i++) {
        const c = buf[i]!;
        if (c === 10) break;
        h = Math.imul(h ^ c, FNV_PRIME);
      }
    }
    if (i - lineStart > MAX_LINE_LENGTH) return "long-lines";
    if (i === len && lineStart === len) break; // no trailing partial line
    if (n >= maxLines) return "too-large";
    if (n === cap) {
      cap = Math.min(maxLines, cap * 2);
      const s2 = new Uint32Array(cap + 1);
      s2.set(starts);
      starts = s2;
      const h2 = new Int32Array(cap);
      h2.set(hashes);
      hashes = h2;
    }
    starts[n] = lineStart;
    hashes[n] = h;
    n++;
    if ((n & DEADLINE_STRIDE_MASK) === 0 && performance.now() > deadline) return "timeout";
    i++;
    lineStart = i;
    h = FNV_OFFSET;
  }
  starts[n] = len;
  return { starts: starts.subarray(0, n + 1), hashes: hashes.subarray(0, n), lines: n };
}

function sameBytes(x: Uint8Array, xs: number, xe: number, y: Uint8Array, ys: number, ye: number): boolean {
  if (xe - xs !== ye - ys) return false;
  for (let k = 0, n = xe - xs; k < n; k++) if (x[xs + k] !== y[ys + k]) return false;
  return true;
}

function sameIgnoringWhitespace(x: Uint8Array, xs: number, xe: number, y: Uint8Array, ys: number, ye: number): boolean {
  let i = xs;
  let j = ys;
  for (;;) {
    while (i < xe && (isBlank(x[i]!) || x[i] === 10)) i++;
    while (j < ye && (isBlank(y[j]!) || y[j] === 10)) j++;
    if (i === xe || j === ye) return i === xe && j === ye;
    if (x[i] !== y[j]) return false;
    i++;
    j++;
  }
}

interface InternTable {
  mask: number;
  slots: Int32Array;
  idSide: Uint8Array;
  idLine: Int32Array;
  idCount: number;
}

type SameLine = (x: Uint8Array, xs: number, xe: number, y: Uint8Array, ys: number, ye: number) => boolean;

function internSide(
  t: InternTable,
  side: number,
  buf: Uint8Array,
  split: SplitSide,
  a: Uint8Array,
  sa: SplitSide,
  b: Uint8Array,
  sb: SplitSide,
  same: SameLine,
  deadline: number,
): boolean {
  const { starts, hashes, lines } = split;
  const { mask, slots, idSide, idLine } = t;
  const startsA = sa.starts;
  const startsB = sb.starts;
  let idCount = t.idCount;
  for (let line = 0; line < lines; line++) {
    const h = hashes[line]!;
    const ls = starts[line]!;
    const le = starts[line + 1]!;
    let slot = (h ^ (h >>> 15)) & mask;
    let id = -1;
    for (;;) {
      const e = slots[2 * slot + 1]!;
      if (e === 0) {
        id = idCount++;
        slots[2 * slot] = h;
        slots[2 * slot + 1] = id + 1;
        idSide[id] = side;
        idLine[id] = line;
        break;
      }
      const cand = e - 1;
      if (slots[2 * slot] === h) {
        const ol = idLine[cand]!;
        const found =
          idSide[cand] === 0
            ? same(buf, ls, le, a, startsA[ol]!, startsA[ol + 1]!)
            : same(buf, ls, le, b, startsB[ol]!, startsB[ol + 1]!);
        if (found) {
          id = cand;
          break;
        }
      }
      slot = (slot + 1) & mask;
    }
    hashes[line] = id;
    if ((line & DEADLINE_STRIDE_MASK) === DEADLINE_STRIDE_MASK && performance.now() > deadline) return false;
  }
  t.idCount = idCount;
  return true;
}

export function indexLines(
  a: Uint8Array,
  b: Uint8Array,
  options: { ignoreWhitespace: boolean; maxLines: number; deadline: number },
): IndexLinesOutcome {
  const { ignoreWhitespace, maxLines, deadline } = options;
  const sa = splitAndHash(a, ignoreWhitespace, maxLines, deadline);
  if (typeof sa === "string") return { status: sa };
  const sb = splitAndHash(b, ignoreWhitespace, maxLines, deadline);
  if (typeof sb === "string") return { status: sb, linesA: sa.lines };

  const total = sa.lines + sb.lines;
  let slots = 16;
  while (slots < total * 2) slots *= 2;
  const table: InternTable = {
    mask: slots - 1,
    // Pairs [hash, id + 1] (0 = empty) side by side: a probe touches one cache line, not two arrays.
    slots: new Int32Array(slots * 2),
    idSide: new Uint8Array(total + 1),
    idLine: new Int32Array(total + 1),
    idCount: 0,
  };
  const same = ignoreWhitespace ? sameIgnoringWhitespace : sameBytes;
  // Hashes are overwritten in place by ids: a line's hash is never needed again.
  if (!internSide(table, 0, a, sa, a, sa, b, sb, same, deadline)) return { status: "timeout", linesA: sa.lines, linesB: sb.lines };
  if (!internSide(table, 1, b, sb, a, sa, b, sb, same, deadline)) return { status: "timeout", linesA: sa.lines, linesB: sb.lines };
  const idCount = table.idCount;

  return {
    status: "ok",
    index: {
      startsA: sa.starts,
      startsB: sb.starts,
      linesA: sa.lines,
      linesB: sb.lines,
      idsA: sa.hashes,
      idsB: sb.hashes,
      idCount,
    },
  };
}
