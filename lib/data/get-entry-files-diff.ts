import "server-only";
import { diffFileTrees } from "@/lib/diff/files/diff-file-trees";
import { diffModelKits } from "@/lib/diff/summary/diff-model-kits";
import type { DiffSection } from "@/lib/diff/types";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/access/actor";
import type { EntryFilesDiffDTO } from "./dto";
import { locateModelKit } from "./locate-modelkit";
import { readLayerListing } from "./internal/read-layer-listing";

/**
 * Files added/removed/modified inside one changed entry (matched by name/path across the two versions). Only the
 * two layers of that entry are read; an unchanged layer is never fetched because its digest is the same.
 */
export async function getEntryFilesDiff(
  actor: Actor,
  input: { base: string; head: string; section: DiffSection; key: string },
): Promise<EntryFilesDiffDTO> {
  const [base, head] = await Promise.all([locateModelKit(actor, input.base), locateModelKit(actor, input.head)]);
  const entry = diffModelKits(base.view, head.view).entries[input.section]?.find((e) => e.key === input.key);
  if (!entry) throw new AppError("NOT_FOUND", `No ${input.section} entry "${input.key}" in either version`);

  const side = async (kit: typeof base, digest: string | null | undefined) => {
    const layer = digest ? kit.view.layers.find((l) => l.digest === digest) : undefined;
    return layer ? readLayerListing(kit.repo.source, kit.repo.repository, layer) : null;
  };
  // Same digest on both sides means the same bytes, so no file can differ: reading the layer (a multi-GiB model,
  // and twice, since both sides would miss the listing cache at once) would buy nothing.
  const same = !!entry.before?.digest && entry.before.digest === entry.after?.digest;
  const [a, b] = same ? [null, null] : await Promise.all([side(base, entry.before?.digest), side(head, entry.after?.digest)]);
  return {
    section: input.section,
    key: input.key,
    baseLayer: entry.before?.digest ?? null,
    headLayer: entry.after?.digest ?? null,
    tree: diffFileTrees(a?.entries ?? [], b?.entries ?? []),
    truncated: Boolean(a?.truncated || b?.truncated),
  };
}
