import type { JsonValue, TensorChange, TensorHeaderDiff } from "@/lib/diff/types";
import { toJsonValue } from "@/lib/diff/kitfile/to-json-value";

/** What a safetensors or GGUF header reader yields; structural so either reader's type fits. */
export interface TensorHeaderLike {
  tensors: readonly { name: string; dtype: string; shape: readonly number[] }[];
  metadata: Readonly<Record<string, unknown>>;
  parameterCount: number;
}

/** Tensor changes listed (counts stay exact): a 70B GGUF has ~700 tensors, a hostile header millions. */
export const MAX_TENSOR_CHANGES = 10_000;
/** Metadata values longer than this (as JSON) are summarised: GGUF tokenizer vocabularies run to MBs. */
export const MAX_METADATA_VALUE_CHARS = 2_000;

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

function stableJson(value: unknown): string {
  try {
    return JSON.stringify(toJsonValue(value)) ?? "null";
  } catch {
    return String(value);
  }
}

function shown(value: unknown, json: string): JsonValue {
  if (json.length <= MAX_METADATA_VALUE_CHARS) return toJsonValue(value);
  if (Array.isArray(value)) return `[array of ${value.length} items]`;
  return `[${json.length} characters]`;
}

export function diffTensorHeaders(a: TensorHeaderLike, b: TensorHeaderLike): TensorHeaderDiff {
  const byName = new Map<string, TensorHeaderLike["tensors"][number]>();
  for (const t of a.tensors) byName.set(t.name, t);
  const counts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
  const changes: TensorChange[] = [];
  const push = (c: TensorChange) => { if (changes.length < MAX_TENSOR_CHANGES) changes.push(c); };
  const seenB = new Set<string>();
  for (const tb of b.tensors) {
    seenB.add(tb.name);
    const ta = byName.get(tb.name);
    if (!ta) {
      counts.added++;
      push({ name: tb.name, kind: "added", dtypeAfter: tb.dtype, shapeAfter: [...tb.shape] });
      continue;
    }
    const shapeChanged = !sameShape(ta.shape, tb.shape);
    const dtypeChanged = ta.dtype !== tb.dtype;
    if (!shapeChanged && !dtypeChanged) { counts.unchanged++; continue; }
    counts.changed++;
    push({
      name: tb.name,
      kind: shapeChanged && dtypeChanged ? "shape-and-dtype-changed" : shapeChanged ? "shape-changed" : "dtype-changed",
      dtypeBefore: ta.dtype, dtypeAfter: tb.dtype, shapeBefore: [...ta.shape], shapeAfter: [...tb.shape],
    });
  }
  for (const ta of byName.values()) {
    if (seenB.has(ta.name)) continue;
    counts.removed++;
    push({ name: ta.name, kind: "removed", dtypeBefore: ta.dtype, shapeBefore: [...ta.shape] });
  }
  changes.sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));

  const metadata: TensorHeaderDiff["metadata"] = [];
  const keys = [...new Set([...Object.keys(a.metadata), ...Object.keys(b.metadata)])].sort();
  for (const key of keys) {
    const inA = Object.hasOwn(a.metadata, key);
    const inB = Object.hasOwn(b.metadata, key);
    const ja = inA ? stableJson(a.metadata[key]) : "";
    const jb = inB ? stableJson(b.metadata[key]) : "";
    if (inA && !inB) metadata.push({ key, kind: "removed", before: shown(a.metadata[key], ja) });
    else if (!inA && inB) metadata.push({ key, kind: "added", after: shown(b.metadata[key], jb) });
    else if (ja !== jb) metadata.push({ key, kind: "changed", before: shown(a.metadata[key], ja), after: shown(b.metadata[key], jb) });
  }

  const before = a.parameterCount;
  const after = b.parameterCount;
  return {
    changes,
    counts,
    parameterCount: { before, after, delta: after - before },
    metadata,
    truncated: counts.added + counts.removed + counts.changed > changes.length,
  };
}
