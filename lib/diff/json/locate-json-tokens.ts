import { AppError } from "@/lib/errors";
import { type JsonTokens, TOKEN_CLOSER, TOKEN_OPENER } from "./json-tokens";
import { tokenIdentityEnd } from "./token-identity-end";

/** Where a token sits in the document: the JSON path of the value it carries and that value's bytes. */
export interface LocatedToken {
  token: number;
  /** Path of the member/element the token carries (for an opener: of the container it opens). */
  path: string;
  /** Paths of the enclosing containers, root first. */
  ancestors: string[];
  /** Byte range of the value; for an opener the whole container (known once it closes). */
  valueStart: number;
  valueEnd: number;
  opener: boolean;
  /** Openers only: "{" or "[" and the number of direct children. */
  containerType?: "{" | "[";
  children?: number;
}

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const decoder = new TextDecoder("utf-8", { fatal: false });

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

function keySegment(key: string): string {
  return IDENT.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`;
}

/** End (exclusive) of the string literal starting at `start` (a `"`). */
function stringEnd(buf: Uint8Array, start: number): number {
  let i = start + 1;
  for (; i < buf.length; i++) {
    const c = buf[i]!;
    if (c === 92) i++;
    else if (c === 34) return i + 1;
  }
  return buf.length;
}

function decodeKey(buf: Uint8Array, start: number, end: number, side: string): string {
  try {
    return JSON.parse(decoder.decode(buf.subarray(start, end))) as string;
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `The ${side} file is not valid JSON: bad object key at byte ${start}.`, { cause, details: { side, offset: start } });
  }
}

interface Level {
  opener: number;
  type: number;
  /** Children seen so far (the index of the next one). */
  index: number;
  /** This container's index in its parent array (objects: -1, the key is in the opener token). */
  indexInParent: number;
  path: string | null;
}

/**
 * Second pass over one side for the few tokens the diff marked changed: walks the tokens (not the
 * bytes) with a container stack, so array indexes are counters and keys are decoded only for the
 * paths actually built. `queries` are token indexes in increasing order.
 */
export function locateJsonTokens(buf: Uint8Array, tokens: JsonTokens, queries: number[], side: "base" | "head"): LocatedToken[] {
  const out: LocatedToken[] = [];
  if (queries.length === 0) return out;
  const stack: Level[] = [];
  const pending = new Map<Level, LocatedToken>();
  let q = 0;

  const firstByte = (t: number) => {
    let v = tokens.starts[t]!;
    while (isWs(buf[v]!)) v++;
    return v;
  };
  // Iterative: paths of outer levels are cached on the level, so each is built once.
  const levelPath = (l: number): string => {
    for (let k = 0; k <= l; k++) {
      const level = stack[k]!;
      if (level.path !== null) continue;
      if (k === 0) level.path = "$";
      else if (stack[k - 1]!.type === 123) {
        const b = firstByte(level.opener);
        level.path = stack[k - 1]!.path! + keySegment(decodeKey(buf, b, stringEnd(buf, b), side));
      } else level.path = `${stack[k - 1]!.path!}[${level.indexInParent}]`;
    }
    return stack[l]!.path!;
  };

  for (let t = 0; t < tokens.count && (q < queries.length || pending.size > 0); t++) {
    const kind = tokens.kinds[t]!;
    const top = stack.length - 1;
    if (kind === TOKEN_CLOSER) {
      const level = stack.pop();
      const loc = level && pending.get(level);
      if (level && loc) {
        loc.valueEnd = firstByte(t) + 1;
        loc.children = level.index;
        pending.delete(level);
      }
      continue;
    }
    const parent = top >= 0 ? stack[top]! : null;
    const indexInParent = parent ? parent.index++ : -1;
    const isQuery = q < queries.length && queries[q] === t;
    let level: Level | null = null;
    if (kind === TOKEN_OPENER) {
      const s = tokens.starts[t]!;
      const e = tokens.starts[t + 1]!;
      level = { opener: t, type: buf[tokenIdentityEnd(buf, s, e) - 1]!, index: 0, indexInParent: parent?.type === 91 ? indexInParent : -1, path: null };
    }
    if (isQuery) {
      q++;
      const s = tokens.starts[t]!;
      const e = tokens.starts[t + 1]!;
      const ancestors = stack.map((_, l) => levelPath(l));
      let v = firstByte(t);
      let path = "$";
      if (parent) {
        if (parent.type === 123) {
          const kEnd = stringEnd(buf, v);
          path = ancestors[top]! + keySegment(decodeKey(buf, v, kEnd, side));
          v = kEnd;
          while (v < e && (isWs(buf[v]!) || buf[v] === 58)) v++;
        } else path = `${ancestors[top]!}[${indexInParent}]`;
      }
      const loc: LocatedToken = { token: t, path, ancestors, valueStart: v, valueEnd: tokenIdentityEnd(buf, s, e), opener: level !== null };
      if (level) {
        loc.valueStart = loc.valueEnd - 1;
        loc.containerType = level.type === 123 ? "{" : "[";
        level.path = path;
        pending.set(level, loc);
      }
      out.push(loc);
    }
    if (level) stack.push(level);
  }
  return out;
}
