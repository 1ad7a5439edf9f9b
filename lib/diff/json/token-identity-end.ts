function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** End of a token's identity: trailing whitespace, one trailing comma and whitespace before it dropped. */
export function tokenIdentityEnd(buf: Uint8Array, start: number, end: number): number {
  let e = end;
  while (e > start && isWs(buf[e - 1]!)) e--;
  if (e > start && buf[e - 1] === 44) {
    e--;
    while (e > start && isWs(buf[e - 1]!)) e--;
  }
  return e;
}
