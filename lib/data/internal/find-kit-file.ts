import "server-only";
import { AppError } from "@/lib/errors";
import type { FileEntry } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import type { LocatedModelKit } from "../locate-modelkit";
import { readLayerListing } from "./read-layer-listing";

/**
 * Finds a file by path in a ModelKit (optionally in one layer). Layers whose Kitfile path contains the file are
 * listed first; the others follow, since a `.` layer can hold anything. Returns null when no layer has it.
 */
export async function findKitFile(
  kit: LocatedModelKit,
  path: string,
  layerDigest?: string,
): Promise<{ layer: KitLayer; entry: FileEntry } | null> {
  const { source, repository } = kit.repo;
  let layers: KitLayer[];
  if (layerDigest) {
    layers = kit.view.layers.filter((l) => l.digest === layerDigest);
    if (layers.length === 0) throw new AppError("NOT_FOUND", `Layer ${layerDigest} is not part of this ModelKit`);
  } else {
    const owns = (l: KitLayer) => !!l.path && (l.path === path || path.startsWith(`${l.path.replace(/\/+$/, "")}/`));
    layers = [...kit.view.layers.filter(owns), ...kit.view.layers.filter((l) => !owns(l))];
  }
  for (const layer of layers) {
    const listing = await readLayerListing(source, repository, layer);
    const entry = listing.entries.find((e) => e.path === path);
    if (entry) return { layer, entry };
  }
  return null;
}
