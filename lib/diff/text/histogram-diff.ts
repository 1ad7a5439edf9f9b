import { HISTOGRAM_MAX_CHAIN } from "./limits";
import { myersDiff } from "./myers-diff";

/**
 * Histogram diff (git's/JGit's algorithm) over interned line ids: in each region, anchor on the longest
 * run around the rarest common line, then recurse on both sides of it; regions without a rare anchor
 * fall back to bounded Myers. Hand-written on typed arrays because the npm implementations work on JS
 * strings and are 4–40× slower at 1M lines (diff-performance.md).
 * Clears changedA/changedB for matched lines. Returns false if the deadline passed (flags then partial).
 */
export function histogramDiff(
  A: Int32Array,
  B: Int32Array,
  idCount: number,
  changedA: Uint8Array,
  changedB: Uint8Array,
  deadline: number,
): boolean {
  const count = new Int32Array(idCount);
  const head = new Int32Array(idCount); // index + 1 of first occurrence in the region; 0 = none
  const next = new Int32Array(A.length); // index + 1 of the next occurrence; 0 = none
  const stack: number[] = [0, A.length, 0, B.length];
  let regions = 0;

  while (stack.length > 0) {
    let be = stack.pop()!;
    let bs = stack.pop()!;
    let ae = stack.pop()!;
    let as = stack.pop()!;
    if ((++regions & 63) === 0 && performance.now() > deadline) return false;

    while (as < ae && bs < be && A[as] === B[bs]) {
      changedA[as++] = 0;
      changedB[bs++] = 0;
    }
    while (as < ae && bs < be && A[ae - 1] === B[be - 1]) {
      changedA[--ae] = 0;
      changedB[--be] = 0;
    }
    if (as === ae || bs === be) continue;

    for (let i = ae - 1; i >= as; i--) {
      const id = A[i]!;
      count[id]!++;
      next[i] = head[id]!;
      head[id] = i + 1;
    }

    let bestLen = 0;
    let bestCount = HISTOGRAM_MAX_CHAIN + 1;
    let bestA = 0;
    let bestB = 0;
    let hasCommon = false;
    for (let bi = bs; bi < be; ) {
      const id = B[bi]!;
      const c = count[id]!;
      if (c === 0) {
        bi++;
        continue;
      }
      hasCommon = true;
      if (c > bestCount || c > HISTOGRAM_MAX_CHAIN) {
        bi++;
        continue;
      }
      let nextB = bi + 1;
      for (let link = head[id]!; link !== 0; link = next[link - 1]!) {
        const ai = link - 1;
        let sa = ai;
        let sb = bi;
        let rc = c;
        while (sa > as && sb > bs && A[sa - 1] === B[sb - 1]) {
          sa--;
          sb--;
          const cc = count[A[sa]!]!;
          if (cc < rc) rc = cc;
        }
        let ea = ai + 1;
        let eb = bi + 1;
        while (ea < ae && eb < be && A[ea] === B[eb]) {
          const cc = count[A[ea]!]!;
          if (cc < rc) rc = cc;
          ea++;
          eb++;
        }
        if (eb > nextB) nextB = eb;
        const len = ea - sa;
        if (rc < bestCount || (rc === bestCount && len > bestLen)) {
          bestLen = len;
          bestCount = rc;
          bestA = sa;
          bestB = sb;
        }
      }
      bi = nextB;
    }

    for (let i = as; i < ae; i++) {
      const id = A[i]!;
      count[id] = 0;
      head[id] = 0;
    }

    if (bestLen > 0) {
      for (let k = 0; k < bestLen; k++) {
        changedA[bestA + k] = 0;
        changedB[bestB + k] = 0;
      }
      stack.push(bestA + bestLen, ae, bestB + bestLen, be);
      stack.push(as, bestA, bs, bestB);
    } else if (hasCommon) {
      myersDiff(A, as, ae, B, bs, be, changedA, changedB);
    }
  }
  return true;
}
