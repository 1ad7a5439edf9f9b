import type { KitValidationIssue, ModelCard } from "@/lib/modelkit/types";
import type { ModelCardChange, ModelKitDiff } from "@/lib/diff/types";
import { diffValuesAt } from "@/lib/diff/kitfile/diff-kitfiles";

/** Derived flags and bookkeeping: the diff shows what the config says, not what Kitgate computed. */
const DERIVED = new Set(["createdAtValid", "knowledgeCutoffValid"]);
/** kit writes the pack time here (ToModelPackConfig: `CreatedAt: &now`); it differs on every pack. */
const NOISE = new Set(["descriptor.createdAt"]);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!DERIVED.has(k)) out[k] = strip(v);
    return out;
  }
  return value;
}

/**
 * ModelPack descriptor and config, field by field. `modelfs.diffIds` are left to the layer diff, and a
 * side without a ModelPack config (a Kit-format kit) counts as an empty card.
 */
export function diffModelCards(a: ModelCard | null, b: ModelCard | null): ModelCardChange[] {
  if (a === null && b === null) return [];
  const changes = [
    ...diffValuesAt("descriptor", strip(a?.descriptor ?? {}), strip(b?.descriptor ?? {})),
    ...diffValuesAt("config", strip(a?.config ?? {}), strip(b?.config ?? {})),
  ];
  return changes.map((c) => ({ ...c, noise: NOISE.has(c.path) }));
}

const key = (i: KitValidationIssue) => `${i.rule}\u0000${i.field}\u0000${i.message}`;

/** Each side's "kit would reject this" problems, and which the head introduced or fixed. */
export function diffKitRejections(a: KitValidationIssue[], b: KitValidationIssue[]): ModelKitDiff["kitRejections"] {
  const inA = new Set(a.map(key));
  const inB = new Set(b.map(key));
  return { base: a, head: b, introduced: b.filter((i) => !inA.has(key(i))), fixed: a.filter((i) => !inB.has(key(i))) };
}
