import "server-only";
import { diffModelKits } from "@/lib/diff/summary/diff-model-kits";
import type { Actor } from "@/lib/access/actor";
import type { ModelKitDiffDTO } from "./dto";
import { locateModelKit } from "./locate-modelkit";
import { toDiffSide } from "./internal/to-diff-side";

/**
 * Summary-first diff of two ModelKits (any registries the actor may read): Kitfile fields, entries per section,
 * layers shared/unique/recompressed. Only manifests and configs are fetched; no layer is downloaded here.
 */
export async function getModelKitDiff(actor: Actor, input: { base: string; head: string }): Promise<ModelKitDiffDTO> {
  const [base, head] = await Promise.all([locateModelKit(actor, input.base), locateModelKit(actor, input.head)]);
  return { base: toDiffSide(base), head: toDiffSide(head), diff: diffModelKits(base.view, head.view) };
}
