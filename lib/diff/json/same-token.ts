import { tokenIdentityEnd } from "./token-identity-end";

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** Token equality under scanJsonTokens' normalisation: whitespace outside strings and a trailing comma ignored. */
export function sameToken(x: Uint8Array, xs: number, xe: number, y: Uint8Array, ys: number, ye: number): boolean {
  const xEnd = tokenIdentityEnd(x, xs, xe);
  const yEnd = tokenIdentityEnd(y, ys, ye);
  // Fast path: byte-identical tokens (nearly all equal pairs; re-indented text takes the slow path).
  if (xEnd - xs === yEnd - ys) {
    let k = 0;
    const n = xEnd - xs;
    while (k < n && x[xs + k] === y[ys + k]) k++;
    if (k === n) return true;
  }
  let i = xs;
  let j = ys;
  let inStr = false;
  for (;;) {
    if (!inStr) {
      while (i < xEnd && isWs(x[i]!)) i++;
      while (j < yEnd && isWs(y[j]!)) j++;
    }
    if (i === xEnd || j === yEnd) return i === xEnd && j === yEnd;
    const c = x[i]!;
    if (c !== y[j]) return false;
    i++;
    j++;
    if (inStr) {
      if (c === 92) {
        if (i === xEnd || j === yEnd || x[i] !== y[j]) return i === xEnd && j === yEnd;
        i++;
        j++;
      } else if (c === 34) inStr = false;
    } else if (c === 34) inStr = true;
  }
}
