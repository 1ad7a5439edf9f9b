import { DEFAULT_MAX_JSON_CHANGES, MAX_INLINE_VALUE_NODES, MAX_LCS_ARRAY_LENGTH } from "./limits";
import type { DiffJsonOptions, JsonChange, JsonChangeKind, JsonDiff } from "./types";

type Kind = "null" | "array" | "object" | "string" | "number" | "boolean" | "other";

function kindOf(v: unknown): Kind {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  const t = typeof v;
  if (t === "object") return "object";
  if (t === "string" || t === "number" || t === "boolean") return t;
  return "other";
}

/** Marks the absent side of an added/removed member (a parsed document can hold `undefined` only from YAML/JS callers). */
const MISSING = Symbol("missing");

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A frame of the explicit walk stack; the path is built only for reported changes. */
interface Frame {
  a: unknown;
  b: unknown;
  parent: Frame | null;
  key: string | number | null;
}

function pathOf(frame: Frame): string {
  const parts: string[] = [];
  for (let f: Frame | null = frame; f && f.key !== null; f = f.parent) {
    const k = f.key;
    parts.push(typeof k === "number" ? `[${k}]` : IDENT.test(k) ? `.${k}` : `[${JSON.stringify(k)}]`);
  }
  return `$${parts.reverse().join("")}`;
}

function countNodes(v: unknown, budget: number): number {
  let seen = 0;
  const stack: unknown[] = [v];
  while (stack.length > 0 && seen <= budget) {
    const x = stack.pop();
    seen++;
    if (Array.isArray(x)) stack.push(...x.slice(0, budget));
    else if (x !== null && typeof x === "object") stack.push(...Object.values(x).slice(0, budget));
  }
  return seen;
}

function preview(v: unknown): unknown {
  const k = kindOf(v);
  if (k !== "array" && k !== "object") return v;
  if (countNodes(v, MAX_INLINE_VALUE_NODES) <= MAX_INLINE_VALUE_NODES) return v;
  return k === "array" ? `[${(v as unknown[]).length} items]` : `{${Object.keys(v as object).length} keys}`;
}

/** Equal leaves are skipped without a stack frame: most nodes of a large document are unchanged leaves. */
function sameScalar(x: unknown, y: unknown): boolean {
  return Object.is(x, y) && (x === null || typeof x !== "object");
}

function isScalar(v: unknown): boolean {
  const k = kindOf(v);
  return k !== "array" && k !== "object";
}

/** Indexes of a and b that are kept by a longest common subsequence (arrays are short: n·m bounded). */
function lcsKeep(a: unknown[], b: unknown[]): { keepA: Uint8Array; keepB: Uint8Array } {
  const n = a.length;
  const m = b.length;
  const dp = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      dp[i * (m + 1) + j] = Object.is(a[i], b[j])
        ? dp[(i + 1) * (m + 1) + j + 1]! + 1
        : Math.max(dp[(i + 1) * (m + 1) + j]!, dp[i * (m + 1) + j + 1]!);
    }
  }
  const keepA = new Uint8Array(n);
  const keepB = new Uint8Array(m);
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (Object.is(a[i], b[j])) {
      keepA[i++] = 1;
      keepB[j++] = 1;
    } else if (dp[(i + 1) * (m + 1) + j]! >= dp[i * (m + 1) + j + 1]!) i++;
    else j++;
  }
  return { keepA, keepB };
}

/**
 * Structural diff of two parsed JSON values, reported by path. Object keys are compared regardless of
 * order; arrays by index, except short arrays of scalars, which are aligned (an inserted tag is one
 * "added", not a cascade of "changed"). Walks with an explicit stack: hostile input may nest deeper
 * than the call stack. Stops at maxChanges.
 */
export function diffJson(a: unknown, b: unknown, options: DiffJsonOptions = {}): JsonDiff {
  const maxChanges = options.maxChanges ?? DEFAULT_MAX_JSON_CHANGES;
  if (!Number.isInteger(maxChanges) || maxChanges < 0) throw new TypeError("maxChanges must be a non-negative integer");
  const changes: JsonChange[] = [];
  let truncated = false;
  const report = (frame: Frame, kind: JsonChangeKind, withBefore: boolean, withAfter: boolean) => {
    if (changes.length >= maxChanges) {
      truncated = true;
      return;
    }
    const change: JsonChange = { path: pathOf(frame), kind };
    if (withBefore) change.before = preview(frame.a);
    if (withAfter) change.after = preview(frame.b);
    changes.push(change);
  };

  const stack: Frame[] = [{ a, b, parent: null, key: null }];
  while (stack.length > 0 && !truncated) {
    const f = stack.pop()!;
    if (f.a === MISSING) {
      report(f, "added", false, true);
      continue;
    }
    if (f.b === MISSING) {
      report(f, "removed", true, false);
      continue;
    }
    const ka = kindOf(f.a);
    const kb = kindOf(f.b);
    if (ka !== kb) {
      report(f, "type-changed", true, true);
      continue;
    }
    if (ka === "object") {
      const oa = f.a as Record<string, unknown>;
      const ob = f.b as Record<string, unknown>;
      const children: Frame[] = [];
      for (const key of Object.keys(oa)) {
        if (!Object.hasOwn(ob, key)) children.push({ a: oa[key], b: MISSING, parent: f, key });
        else if (!sameScalar(oa[key], ob[key])) children.push({ a: oa[key], b: ob[key], parent: f, key });
      }
      for (const key of Object.keys(ob)) {
        if (!Object.hasOwn(oa, key)) children.push({ a: MISSING, b: ob[key], parent: f, key });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      continue;
    }
    if (ka === "array") {
      const xa = f.a as unknown[];
      const xb = f.b as unknown[];
      const children: Frame[] = [];
      if (xa.length <= MAX_LCS_ARRAY_LENGTH && xb.length <= MAX_LCS_ARRAY_LENGTH && xa.length !== xb.length &&
        xa.every(isScalar) && xb.every(isScalar)) {
        const { keepA, keepB } = lcsKeep(xa, xb);
        xa.forEach((v, i) => { if (!keepA[i]) children.push({ a: v, b: MISSING, parent: f, key: i }); });
        xb.forEach((v, j) => { if (!keepB[j]) children.push({ a: MISSING, b: v, parent: f, key: j }); });
      } else {
        const common = Math.min(xa.length, xb.length);
        for (let i = 0; i < common; i++) if (!sameScalar(xa[i], xb[i])) children.push({ a: xa[i], b: xb[i], parent: f, key: i });
        for (let i = common; i < xa.length; i++) children.push({ a: xa[i], b: MISSING, parent: f, key: i });
        for (let i = common; i < xb.length; i++) children.push({ a: MISSING, b: xb[i], parent: f, key: i });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
      continue;
    }
    if (!Object.is(f.a, f.b)) report(f, "changed", true, true);
  }
  return { changes, truncated };
}
