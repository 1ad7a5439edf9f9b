import { MYERS_MAX_COST, MYERS_MAX_D } from "./limits";

/**
 * Classic O(ND) Myers on one region of line ids, used only where the histogram pass finds no rare
 * anchor. Hand-written because it works on the engine's id arrays and flags in place; bounded by
 * MYERS_MAX_COST so an unrelated region costs a replacement, never minutes (diff-performance.md:
 * exact Myers packages took 59–113 s on two unrelated 50k-line files).
 * Clears changedA/changedB for matched lines; returns false when the bound was hit (region stays changed).
 */
export function myersDiff(
  A: Int32Array,
  as: number,
  ae: number,
  B: Int32Array,
  bs: number,
  be: number,
  changedA: Uint8Array,
  changedB: Uint8Array,
): boolean {
  const N = ae - as;
  const M = be - bs;
  const max = N + M;
  if (max === 0) return true;
  const maxD = Math.min(max, MYERS_MAX_D, Math.floor(MYERS_MAX_COST / max) + 1);
  const offset = maxD + 1;
  const V = new Int32Array(2 * maxD + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= maxD; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && V[offset + k - 1]! < V[offset + k + 1]!) ? V[offset + k + 1]! : V[offset + k - 1]! + 1;
      let y = x - k;
      while (x < N && y < M && A[as + x] === B[bs + y]) {
        x++;
        y++;
      }
      V[offset + k] = x;
      if (x >= N && y >= M) {
        backtrack(trace, d, N, M, as, bs, changedA, changedB);
        return true;
      }
    }
    trace.push(V.slice(offset - d, offset + d + 1));
  }
  return false;
}

function backtrack(
  trace: Int32Array[],
  dEnd: number,
  N: number,
  M: number,
  as: number,
  bs: number,
  changedA: Uint8Array,
  changedB: Uint8Array,
): void {
  let x = N;
  let y = M;
  for (let d = dEnd; d > 0; d--) {
    const prev = trace[d - 1]!; // prev[k + (d - 1)] = furthest x on diagonal k after d-1 edits
    const k = x - y;
    const at = (kk: number) => prev[kk + d - 1]!;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const midX = down ? prevX : prevX + 1;
    while (x > midX) {
      changedA[as + x - 1] = 0;
      changedB[bs + y - 1] = 0;
      x--;
      y--;
    }
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    changedA[as + x - 1] = 0;
    changedB[bs + y - 1] = 0;
    x--;
    y--;
  }
}
