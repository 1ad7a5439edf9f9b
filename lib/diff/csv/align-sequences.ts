import { diffArrays } from "diff";

export interface AlignSegment {
  kind: "equal" | "replace";
  aStart: number;
  aEnd: number;
  bStart: number;
  bEnd: number;
}

/** Gaps without anchors up to this many cell comparisons go to an exact Myers diff (jsdiff). */
const EXACT_DIFF_MAX_CELLS = 250_000;
/** Nesting of anchor refinement; deeper gaps are reported as one replace block rather than risk the stack. */
const MAX_REFINE_DEPTH = 48;

/** Longest increasing subsequence of `values` (indices into it), O(n log n). */
function lis(values: number[]): number[] {
  const tails: number[] = [];
  const prev = new Array<number>(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (values[tails[mid]!]! < values[i]!) lo = mid + 1;
      else hi = mid;
    }
    if (lo > 0) prev[i] = tails[lo - 1]!;
    tails[lo] = i;
  }
  const out: number[] = [];
  for (let i = tails.length > 0 ? tails[tails.length - 1]! : -1; i >= 0; i = prev[i]!) out.push(i);
  return out.reverse();
}

/**
 * Aligns two sequences of row ids (equal id = equal row) into equal and replace segments.
 * Patience-style: rows unique on both sides anchor the alignment (a CSV row is almost always
 * unique), gaps are refined recursively, small anchorless gaps get an exact diff. Hand-written
 * because jsdiff's Myers alone took 3.4 s on 100k rows with 2% edits and did not finish on 1M;
 * this is O(n log n) per refinement level.
 */
export function alignSequences(a: ArrayLike<number>, b: ArrayLike<number>): AlignSegment[] {
  const out: AlignSegment[] = [];
  const push = (kind: AlignSegment["kind"], aStart: number, aEnd: number, bStart: number, bEnd: number) => {
    if (aStart === aEnd && bStart === bEnd) return;
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.aEnd === aStart && last.bEnd === bStart) {
      last.aEnd = aEnd;
      last.bEnd = bEnd;
    } else {
      out.push({ kind, aStart, aEnd, bStart, bEnd });
    }
  };

  const exact = (a0: number, a1: number, b0: number, b1: number) => {
    // Most gaps are one edited row against another: nothing in common, no diff needed.
    const inGapA = new Set<number>();
    for (let i = a0; i < a1; i++) inGapA.add(a[i]!);
    let common = false;
    for (let j = b0; j < b1 && !common; j++) common = inGapA.has(b[j]!);
    if (!common) { push("replace", a0, a1, b0, b1); return; }
    const sa = Array.from({ length: a1 - a0 }, (_, i) => a[a0 + i]!);
    const sb = Array.from({ length: b1 - b0 }, (_, i) => b[b0 + i]!);
    let ia = a0;
    let ib = b0;
    for (const part of diffArrays(sa, sb)) {
      const n = part.count ?? part.value.length;
      if (part.added) { push("replace", ia, ia, ib, ib + n); ib += n; }
      else if (part.removed) { push("replace", ia, ia + n, ib, ib); ia += n; }
      else { push("equal", ia, ia + n, ib, ib + n); ia += n; ib += n; }
    }
  };

  const refine = (a0: number, a1: number, b0: number, b1: number, depth: number): void => {
    let p = 0;
    while (a0 + p < a1 && b0 + p < b1 && a[a0 + p] === b[b0 + p]) p++;
    push("equal", a0, a0 + p, b0, b0 + p);
    a0 += p;
    b0 += p;
    let s = 0;
    while (a1 - s > a0 && b1 - s > b0 && a[a1 - s - 1] === b[b1 - s - 1]) s++;
    const suffix = s;
    a1 -= s;
    b1 -= s;
    if (a0 < a1 && b0 < b1) {
      if ((a1 - a0) * (b1 - b0) <= EXACT_DIFF_MAX_CELLS) exact(a0, a1, b0, b1);
      else if (depth >= MAX_REFINE_DEPTH) push("replace", a0, a1, b0, b1);
      else {
        // count in a: -1 = seen more than once; positive = index + 1 of the single occurrence
        const inA = new Map<number, number>();
        for (let i = a0; i < a1; i++) inA.set(a[i]!, inA.has(a[i]!) ? -1 : i + 1);
        const inB = new Map<number, number>();
        for (let j = b0; j < b1; j++) {
          const v = b[j]!;
          if (!inA.has(v) || inA.get(v) === -1) continue;
          inB.set(v, inB.has(v) ? -1 : j + 1);
        }
        const pairs: [number, number][] = [];
        for (const [v, j1] of inB) if (j1 > 0) pairs.push([inA.get(v)! - 1, j1 - 1]);
        pairs.sort((x, y) => x[0] - y[0]);
        const chain = lis(pairs.map((x) => x[1]));
        if (chain.length === 0) push("replace", a0, a1, b0, b1);
        else {
          let pa = a0;
          let pb = b0;
          for (const k of chain) {
            const [ia, ib] = pairs[k]!;
            refine(pa, ia, pb, ib, depth + 1);
            push("equal", ia, ia + 1, ib, ib + 1);
            pa = ia + 1;
            pb = ib + 1;
          }
          refine(pa, a1, pb, b1, depth + 1);
        }
      }
    } else {
      push("replace", a0, a1, b0, b1);
    }
    push("equal", a1, a1 + suffix, b1, b1 + suffix);
  };

  refine(0, a.length, 0, b.length, 0);
  return out;
}
