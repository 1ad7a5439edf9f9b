import { AppError } from "@/lib/errors";
import { histogramDiff } from "@/lib/diff/text/histogram-diff";
import { diffJson } from "./diff-json";
import { type JsonTokens, TOKEN_CLOSER, TOKEN_OPENER } from "./json-tokens";
import { DEFAULT_MAX_JSON_CHANGES, MAX_PARSED_CHANGE_BYTES, MAX_TOKEN_DIFF_DEPTH, MAX_PREVIEW_PARSE_BYTES, MAX_SLIDE_STEPS } from "./limits";
import { type LocatedToken, locateJsonTokens } from "./locate-json-tokens";
import { sameToken } from "./same-token";
import { scanJsonTokens } from "./scan-json-tokens";
import type { DiffJsonOptions, JsonChange, JsonDiff } from "./types";

const decoder = new TextDecoder("utf-8", { fatal: false });

/** Maps every token of both sides to a small integer id (equal tokens ⇔ equal ids), like index-lines does for lines. */
function internTokens(a: Uint8Array, ta: JsonTokens, b: Uint8Array, tb: JsonTokens): { idsA: Int32Array; idsB: Int32Array; idCount: number } {
  const total = ta.count + tb.count;
  let size = 16;
  while (size < total * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size * 2);
  const idSide = new Uint8Array(total);
  const idTok = new Int32Array(total);
  let idCount = 0;
  const ids = [new Int32Array(ta.count), new Int32Array(tb.count)];
  const bufs = [a, b];
  const toks = [ta, tb];
  for (let side = 0; side < 2; side++) {
    const buf = bufs[side]!;
    const t = toks[side]!;
    const out = ids[side]!;
    for (let k = 0; k < t.count; k++) {
      const h = t.hashes[k]!;
      let slot = (h ^ (h >>> 15)) & mask;
      for (;;) {
        const e = slots[2 * slot + 1]!;
        if (e === 0) {
          slots[2 * slot] = h;
          slots[2 * slot + 1] = idCount + 1;
          idSide[idCount] = side;
          idTok[idCount] = k;
          out[k] = idCount++;
          break;
        }
        const cand = e - 1;
        if (slots[2 * slot] === h) {
          const ot = toks[idSide[cand]!]!;
          const ok = idTok[cand]!;
          if (sameToken(buf, t.starts[k]!, t.starts[k + 1]!, bufs[idSide[cand]!]!, ot.starts[ok]!, ot.starts[ok + 1]!)) {
            out[k] = cand;
            break;
          }
        }
        slot = (slot + 1) & mask;
      }
    }
  }
  return { idsA: ids[0]!, idsB: ids[1]!, idCount };
}

function balanced(kinds: Uint8Array, s: number, e: number): boolean {
  let depth = 0;
  for (let t = s; t < e; t++) {
    const k = kinds[t]!;
    if (k === TOKEN_OPENER) depth++;
    else if (k === TOKEN_CLOSER && --depth < 0) return false;
  }
  return depth === 0;
}

/**
 * A block inserted into (or deleted from) a run of equal tokens can sit at several positions — the
 * "slider" problem of line diffs. Like git's compaction, slide it; unlike git, pick the position where
 * it is whole values (`{ … }`, not `… } {`), so it reports as one added element at the right path.
 * Returns the new end of the block on its side and the matching position on the other side.
 */
function slide(ids: Int32Array, kinds: Uint8Array, changed: Uint8Array, otherChanged: Uint8Array, s: number, e: number, other: number): [number, number] {
  for (let step = 0; step < MAX_SLIDE_STEPS && s > 0 && other > 0 && !changed[s - 1] && !otherChanged[other - 1] && ids[s - 1] === ids[e - 1]; step++) {
    changed[--s] = 1;
    changed[--e] = 0;
    other--;
  }
  for (let step = 0; step < 2 * MAX_SLIDE_STEPS && !balanced(kinds, s, e); step++) {
    if (!(e < ids.length && other < otherChanged.length && !changed[e] && !otherChanged[other] && ids[s] === ids[e])) break;
    changed[s++] = 0;
    changed[e++] = 1;
    other++;
  }
  return [e, other];
}

function compact(idsA: Int32Array, idsB: Int32Array, ta: JsonTokens, tb: JsonTokens, changedA: Uint8Array, changedB: Uint8Array): void {
  const nA = idsA.length;
  const nB = idsB.length;
  let i = 0;
  let j = 0;
  while (i < nA || j < nB) {
    if (i < nA && j < nB && !changedA[i] && !changedB[j]) {
      i++;
      j++;
      continue;
    }
    const i0 = i;
    const j0 = j;
    while (i < nA && changedA[i]) i++;
    while (j < nB && changedB[j]) j++;
    if (i === i0 && j > j0) [j, i] = slide(idsB, tb.kinds, changedB, changedA, j0, j, i0);
    else if (j === j0 && i > i0) [i, j] = slide(idsA, ta.kinds, changedA, changedB, i0, i, j0);
  }
}

function changedTokens(changed: Uint8Array, t: JsonTokens): number[] {
  const out: number[] = [];
  for (let k = 0; k < changed.length; k++) if (changed[k] && t.kinds[k] !== TOKEN_CLOSER) out.push(k);
  return out;
}

function parseValue(buf: Uint8Array, loc: Pick<LocatedToken, "path" | "valueStart" | "valueEnd">, side: "base" | "head"): unknown {
  try {
    // decode() drops a BOM, which JSON.parse would reject.
    return JSON.parse(decoder.decode(buf.subarray(loc.valueStart, loc.valueEnd)));
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `The ${side} file is not valid JSON at ${loc.path}.`, { cause, details: { side, path: loc.path } });
  }
}

function describe(loc: LocatedToken): string {
  return loc.containerType === "[" ? `[${loc.children ?? 0} items]` : `{${loc.children ?? 0} keys}`;
}

/** Inline value for an added/removed member: diffJson's own preview, so both diff paths describe values alike. */
function previewOf(buf: Uint8Array, loc: LocatedToken, side: "base" | "head"): unknown {
  if (loc.opener && loc.valueEnd - loc.valueStart > MAX_PREVIEW_PARSE_BYTES) return describe(loc);
  const value = parseValue(buf, loc, side);
  return diffJson({ v: value }, {}, { maxChanges: 1 }).changes[0]!.before;
}

function rebase(prefix: string, path: string): string {
  return prefix + path.slice(1);
}

/**
 * Structural diff of two JSON texts without parsing them whole: tokens (scanJsonTokens) are diffed by
 * the histogram line engine, changed tokens are located by path (locateJsonTokens), and only the
 * smallest changed values are parsed and compared with diffJson. Reports the same kinds of change by
 * path as diffJson; object members that merely moved are matched by path, so key order is ignored,
 * and long arrays are aligned rather than compared by index.
 */
export function diffJsonTokens(a: Uint8Array, b: Uint8Array, options: DiffJsonOptions = {}): JsonDiff {
  const maxChanges = options.maxChanges ?? DEFAULT_MAX_JSON_CHANGES;
  if (!Number.isInteger(maxChanges) || maxChanges < 0) throw new TypeError("maxChanges must be a non-negative integer");
  const ta = scanJsonTokens(a, "base");
  const tb = scanJsonTokens(b, "head");
  if (Math.max(ta.maxDepth, tb.maxDepth) > MAX_TOKEN_DIFF_DEPTH) {
    const parse = (buf: Uint8Array, side: "base" | "head") => parseValue(buf, { path: "$", valueStart: 0, valueEnd: buf.length }, side);
    return diffJson(parse(a, "base"), parse(b, "head"), { maxChanges });
  }
  const { idsA, idsB, idCount } = internTokens(a, ta, b, tb);
  const changedA = new Uint8Array(ta.count).fill(1);
  const changedB = new Uint8Array(tb.count).fill(1);
  histogramDiff(idsA, idsB, idCount, changedA, changedB, Infinity);
  compact(idsA, idsB, ta, tb, changedA, changedB);

  const locA = locateJsonTokens(a, ta, changedTokens(changedA, ta), "base");
  const locB = locateJsonTokens(b, tb, changedTokens(changedB, tb), "head");
  const byPath = new Map<string, { a?: LocatedToken; b?: LocatedToken }>();
  for (const [side, locs] of [["a", locA], ["b", locB]] as const) {
    for (const loc of locs) {
      const entry = byPath.get(loc.path) ?? {};
      // Duplicate keys: the last one wins, as in JSON.parse.
      entry[side] = loc;
      byPath.set(loc.path, entry);
    }
  }
  const pairParsable = (e: { a?: LocatedToken; b?: LocatedToken }) =>
    !!e.a && !!e.b && e.a.valueEnd - e.a.valueStart <= MAX_PARSED_CHANGE_BYTES && e.b.valueEnd - e.b.valueStart <= MAX_PARSED_CHANGE_BYTES;
  // A reported value covers its descendants: they are not reported again.
  const coveredA = new Set<string>();
  const coveredB = new Set<string>();
  for (const [path, e] of byPath) {
    if (e.a && (!e.b || pairParsable(e))) coveredA.add(path);
    if (e.b && (!e.a || pairParsable(e))) coveredB.add(path);
  }
  const isCovered = (loc: LocatedToken | undefined, covered: Set<string>) => !!loc && loc.ancestors.some((p) => covered.has(p));

  const changes: JsonChange[] = [];
  let truncated = false;
  const push = (c: JsonChange) => {
    if (changes.length >= maxChanges) truncated = true;
    else changes.push(c);
  };
  for (const [path, entry] of byPath) {
    if (truncated) break;
    const ea = isCovered(entry.a, coveredA) ? undefined : entry.a;
    const eb = isCovered(entry.b, coveredB) ? undefined : entry.b;
    if (ea && eb) {
      if (pairParsable(entry)) {
        const sub = diffJson(parseValue(a, ea, "base"), parseValue(b, eb, "head"), { maxChanges: maxChanges - changes.length });
        for (const c of sub.changes) push({ ...c, path: rebase(path, c.path) });
        if (sub.truncated) truncated = true;
      } else if (ea.containerType !== eb.containerType) {
        push({ path, kind: "type-changed", before: previewOf(a, ea, "base"), after: previewOf(b, eb, "head") });
      }
    } else if (ea) {
      push({ path, kind: "removed", before: previewOf(a, ea, "base") });
    } else if (eb) {
      push({ path, kind: "added", after: previewOf(b, eb, "head") });
    }
  }
  return { changes, truncated };
}
