import "server-only";
import type { Actor } from "@/lib/access/actor";
import type { LayerFilesDTO } from "./dto";
import { locateLayer } from "./locate-layer";
import { readLayerListing } from "./internal/read-layer-listing";

/** The file tree of one layer of a ModelKit: names, sizes, modes; unsafe names labelled, never followed. */
export async function listLayerFiles(actor: Actor, input: { ref: string; layer: string }): Promise<LayerFilesDTO> {
  const { repo, layer } = await locateLayer(actor, input.ref, input.layer);
  return { layerDigest: layer.digest, listing: await readLayerListing(repo.source, repo.repository, layer) };
}
