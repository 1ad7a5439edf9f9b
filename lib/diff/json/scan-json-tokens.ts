import { AppError } from "@/lib/errors";
import { COLLAPSE_CONTAINER_BYTES } from "./limits";

import { type JsonTokens, TOKEN_CLOSER, TOKEN_MEMBER, TOKEN_OPENER } from "./json-tokens";
import { tokenIdentityEnd } from "./token-identity-end";

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

/** FNV-1a over the token bytes, skipping whitespace outside strings (a token always starts outside one). */
function hashToken(buf: Uint8Array, start: number, end: number): number {
  const e = tokenIdentityEnd(buf, start, end);
  let h = FNV_OFFSET;
  let inStr = false;
  for (let i = start; i < e; i++) {
    const c = buf[i]!;
    if (inStr) {
      h = Math.imul(h ^ c, FNV_PRIME);
      if (c === 92 && i + 1 < e) h = Math.imul(h ^ buf[++i]!, FNV_PRIME);
      else if (c === 34) inStr = false;
    } else if (!isWs(c)) {
      if (c === 34) inStr = true;
      h = Math.imul(h ^ c, FNV_PRIME);
    }
  }
  return h;
}

function malformed(side: string, message: string, offset: number): AppError {
  return new AppError("MALFORMED_CONTENT", `The ${side} file is not valid JSON: ${message} at byte ${offset}.`, { details: { side, offset } });
}

/**
 * Splits JSON bytes after `{`, `[` and `,` and before `}` and `]` (outside strings), and folds any
 * container of at most COLLAPSE_CONTAINER_BYTES back into one token: a 110-byte record is one
 * pseudo-line, so a 5 MB document is ≈50k tokens, not ≈700k. Hand-written: no JSON library tokenises
 * without building every value as a JS object, which is the cost this path exists to avoid.
 * Checks the structure (strings closed, brackets balanced and matched, one top-level value); scalars
 * are validated only where they changed, when the diff parses them.
 */
export function scanJsonTokens(buf: Uint8Array, side: "base" | "head", collapseBytes = COLLAPSE_CONTAINER_BYTES): JsonTokens {
  const len = buf.length;
  // Boundaries first, hashes after: inner tokens of a collapsed container are never hashed. No closures
  // in the loop: V8 keeps captured variables in a context object, which made this loop ≈5× slower.
  let cap = Math.max(16, (len >>> 6) + 16);
  let starts = new Uint32Array(cap + 1);
  let kinds = new Uint8Array(cap);
  let n = 0;
  // Open containers: index of their opener token, byte where that token starts, bracket byte.
  let stackCap = 64;
  let stackTok = new Int32Array(stackCap);
  let stackType = new Uint8Array(stackCap);
  let depth = 0;
  let maxDepth = 0;
  let i = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
  let tokenStart = i;
  let pendingKind = TOKEN_MEMBER;
  let hasContent = false;
  let topLevelDone = false;

  for (; i < len; i++) {
    const c = buf[i]!;
    if (c === 34) {
      if (topLevelDone && depth === 0) throw malformed(side, "unexpected data after the top-level value", i);
      hasContent = true;
      for (i++; i < len; i++) {
        const s = buf[i]!;
        if (s === 92) i++;
        else if (s === 34) break;
      }
      if (i >= len) throw malformed(side, "unterminated string", len);
      if (depth === 0) topLevelDone = true;
      continue;
    }
    if (c === 123 || c === 91) {
      if (topLevelDone && depth === 0) throw malformed(side, "unexpected data after the top-level value", i);
      if (n + 2 >= cap) {
        cap *= 2;
        const s2 = new Uint32Array(cap + 1);
        s2.set(starts);
        starts = s2;
        const k2 = new Uint8Array(cap);
        k2.set(kinds);
        kinds = k2;
      }
      if (depth === stackCap) {
        stackCap *= 2;
        const t2 = new Int32Array(stackCap);
        t2.set(stackTok);
        stackTok = t2;
        const y2 = new Uint8Array(stackCap);
        y2.set(stackType);
        stackType = y2;
      }
      starts[n] = tokenStart;
      kinds[n] = TOKEN_OPENER;
      stackTok[depth] = n;
      stackType[depth] = c;
      if (++depth > maxDepth) maxDepth = depth;
      n++;
      tokenStart = i + 1;
      pendingKind = TOKEN_MEMBER;
      hasContent = false;
      continue;
    }
    if (c === 125 || c === 93) {
      if (depth === 0) throw malformed(side, `unexpected "${String.fromCharCode(c)}"`, i);
      depth--;
      if (stackType[depth] !== c - 2) throw malformed(side, "mismatched brackets", i);
      const openTok = stackTok[depth]!;
      const open = starts[openTok]!;
      if (i + 1 - open <= collapseBytes) {
        // Small container: drop its opener and inner tokens; it continues as one member token.
        n = openTok;
        tokenStart = open;
        pendingKind = TOKEN_MEMBER;
      } else {
        if (hasContent) {
          if (n + 2 >= cap) {
            cap *= 2;
            const s2 = new Uint32Array(cap + 1);
            s2.set(starts);
            starts = s2;
            const k2 = new Uint8Array(cap);
            k2.set(kinds);
            kinds = k2;
          }
          starts[n] = tokenStart;
          kinds[n] = pendingKind;
          n++;
        }
        tokenStart = i;
        pendingKind = TOKEN_CLOSER;
      }
      hasContent = true;
      if (depth === 0) topLevelDone = true;
      continue;
    }
    if (c === 44) {
      if (depth === 0) throw malformed(side, 'unexpected ","', i);
      if (n + 2 >= cap) {
        cap *= 2;
        const s2 = new Uint32Array(cap + 1);
        s2.set(starts);
        starts = s2;
        const k2 = new Uint8Array(cap);
        k2.set(kinds);
        kinds = k2;
      }
      starts[n] = tokenStart;
      kinds[n] = pendingKind;
      n++;
      tokenStart = i + 1;
      pendingKind = TOKEN_MEMBER;
      hasContent = false;
      continue;
    }
    if (c !== 32 && c !== 10 && c !== 13 && c !== 9) {
      if (topLevelDone && depth === 0 && !hasContent) throw malformed(side, "unexpected data after the top-level value", i);
      hasContent = true;
      if (depth === 0) topLevelDone = true;
    }
  }
  if (depth > 0) throw malformed(side, "unclosed container", len);
  if (hasContent) {
    starts[n] = tokenStart;
    kinds[n] = pendingKind;
    n++;
  }
  if (n === 0) throw malformed(side, "empty document", len);
  starts[n] = len;
  const hashes = new Int32Array(n);
  for (let t = 0; t < n; t++) hashes[t] = hashToken(buf, starts[t]!, starts[t + 1]!);
  return { count: n, starts: starts.subarray(0, n + 1), hashes, kinds: kinds.subarray(0, n), maxDepth };
}
