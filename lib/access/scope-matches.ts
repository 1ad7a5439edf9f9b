import type { AccessTarget } from "./types";

// Scopes of grants and API tokens: `*`, or `registry/repository-path` whose segments are literal names in which `*`
// stands for any run of characters inside that one segment, `{a,b}` lists whole segments, and a last segment of
// exactly `*` covers everything below (`local/*`). Hand-written instead of picomatch because a token scope is
// user input: picomatch compiles `?`/extglobs to backtracking regular expressions, and `local/*?*?*?*?*?*?X` took
// 45 s per request on the event loop (red-team finding 2). This grammar matches by a greedy left-to-right scan
// (no backtracking), and the caps bound the work: a match costs microseconds whatever the input.

/** Longer than any registry name + repository path people write; bounds parsing and matching work. */
export const MAX_SCOPE_CHARS = 200;
const MAX_SEGMENTS = 16;
const MAX_ALTERNATIVES = 16;
const MAX_STARS_PER_SEGMENT = 4;
const SEGMENT = /^[A-Za-z0-9._*-]+$/;

/** One `{a,b}` list (or a single pattern): each alternative split at its `*`s. */
type Segment = readonly (readonly string[])[];

interface ParsedScope {
  all: boolean;
  segments: Segment[];
  /** a final `*` segment (or a registry-only scope): one or more further path segments */
  tail: boolean;
  /** the segment texts as written, for containment checks */
  source: string[][];
}

const cache = new Map<string, ParsedScope | string>();
/** Scopes come from tokens (user input): the parse cache must not grow without bound. */
const MAX_CACHED = 2000;

function parse(scope: string): ParsedScope | string {
  const hit = cache.get(scope);
  if (hit !== undefined) return hit;
  const parsed = parseUncached(scope);
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(scope, parsed);
  return parsed;
}

function parseUncached(scope: string): ParsedScope | string {
  if (scope === "*") return { all: true, segments: [], tail: true, source: [] };
  if (scope.length === 0) return "must not be empty";
  if (scope.length > MAX_SCOPE_CHARS) return `at most ${MAX_SCOPE_CHARS} characters`;
  const parts = scope.split("/");
  if (parts.length > MAX_SEGMENTS) return `at most ${MAX_SEGMENTS} path segments`;
  const source: string[][] = [];
  for (const part of parts) {
    if (part === "") return "has an empty path segment (leading, trailing or double `/`)";
    const list = /^\{(.*)\}$/.exec(part);
    const alternatives = list ? list[1]!.split(",") : [part];
    if (alternatives.length > MAX_ALTERNATIVES) return `a {…} list has at most ${MAX_ALTERNATIVES} entries`;
    for (const alt of alternatives) {
      if (!SEGMENT.test(alt)) {
        return "segments are names of letters, digits, `.`, `_`, `-` with `*` wildcards and whole-segment `{a,b}` lists (no `?`, `[ ]`, `!`, spaces)";
      }
      if (alt === "." || alt === "..") return "must not contain `.` or `..` segments";
      if (alt.includes("**")) return "`**` is not supported: a last segment `*` already covers everything below";
      if (alt.split("*").length - 1 > MAX_STARS_PER_SEGMENT) return `at most ${MAX_STARS_PER_SEGMENT} \`*\` per segment`;
    }
    source.push(alternatives);
  }
  let tail = false;
  if (source.length === 1) tail = true;
  else if (parts[parts.length - 1] === "*") {
    tail = true;
    source.pop();
  }
  return { all: false, segments: source.map((alts) => alts.map((a) => a.split("*"))), tail, source };
}

/** Why a scope is not valid, or null. Config and token validation use it so a bad scope is refused up front. */
export function scopeSyntaxError(scope: string): string | null {
  const parsed = parse(scope);
  return typeof parsed === "string" ? parsed : null;
}

/**
 * `text` against one `*` pattern (pre-split at its stars): the first and last pieces anchor the ends and each
 * middle piece is taken at its earliest position. For `*`-only patterns the earliest position is always a safe
 * choice, so one pass decides: O(pattern × text) at worst, no backtracking.
 */
function matchPieces(pieces: readonly string[], text: string): boolean {
  if (pieces.length === 1) return pieces[0] === text;
  const first = pieces[0]!;
  const last = pieces[pieces.length - 1]!;
  if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last)) return false;
  let pos = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    if (piece === "") continue;
    const at = text.indexOf(piece, pos);
    if (at === -1 || at + piece.length > end) return false;
    pos = at + piece.length;
  }
  return true;
}

const segmentMatches = (segment: Segment, text: string) => segment.some((pieces) => matchPieces(pieces, text));

/**
 * Whether a scope covers a repository, or — without a repository — covers anything in that registry (used to
 * decide whether the registry is visible at all). An invalid scope (e.g. a token stored before this grammar)
 * covers nothing.
 */
export function scopeMatches(scope: string, target: AccessTarget): boolean {
  const s = parse(scope);
  if (typeof s === "string") return false;
  if (s.all) return true;
  if (!segmentMatches(s.segments[0]!, target.registry)) return false;
  if (target.repository === undefined) return true;
  const names = [target.registry, ...target.repository.split("/")];
  if (s.tail ? names.length <= s.segments.length : names.length !== s.segments.length) return false;
  for (let i = 1; i < s.segments.length; i++) if (!segmentMatches(s.segments[i]!, names[i]!)) return false;
  return true;
}

/**
 * Whether every repository `inner` covers is also covered by `outer` (token scopes must lie inside the owner's
 * grants). Sound but not complete: it may say no for exotic pairs that are in fact contained (the user then
 * writes a narrower scope), never yes for one that is not. A `*` in `inner` is treated as a character that only
 * a `*` of `outer` can cover, which makes the same one-pass matcher decide containment of segments.
 */
export function scopeWithin(inner: string, outer: string): boolean {
  const i = parse(inner);
  const o = parse(outer);
  if (typeof i === "string" || typeof o === "string") return false;
  if (o.all) return true;
  if (i.all) return false;
  if (o.tail) {
    const innerMin = i.tail ? i.segments.length : i.segments.length - 1;
    if (innerMin < o.segments.length) return false;
  } else if (i.tail || i.segments.length !== o.segments.length) return false;
  for (let k = 0; k < o.segments.length; k++) {
    if (!i.source[k]!.every((alt) => segmentMatches(o.segments[k]!, alt))) return false;
  }
  return true;
}
