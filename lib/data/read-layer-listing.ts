import "server-only";
import { LRUCache } from "lru-cache";
import { listLayerFiles as listLayerStream } from "@/lib/layers/list-layer-files";
import { listTarByRange } from "@/lib/layers/list-tar-by-range";
import type { LayerListing } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import { decodeOptionsFor } from "./decode-options-for";
import { createRangeReader } from "@/lib/registry/create-range-reader";
import type { RegistrySource } from "@/lib/registry/types";

/**
 * Uncompressed tar layers above this size are listed by walking headers with Range reads (reading < 1% of a
 * large layer); below it one streamed read is cheaper than many round trips.
 */
const RANGE_LISTING_MIN_BYTES = 8 * 1024 * 1024;

// Listings are derived from content addressed by digest: cache them; the bound only limits memory.
const listings = new LRUCache<string, LayerListing>({ max: 200 });
// Single flight: two sides of a diff asking for the same layer at once share one read.
const inFlight = new Map<string, Promise<LayerListing>>();

/** The file listing of one layer, streamed or header-walked as the layer's shape allows. */
export async function readLayerListing(source: RegistrySource, repository: string, layer: KitLayer): Promise<LayerListing> {
  const options = decodeOptionsFor(layer);
  const key = `${layer.digest}\u0000${options.pathPrefix ?? ""}\u0000${options.rawName ?? ""}`;
  const hit = listings.get(key);
  if (hit) return hit;
  const pending = inFlight.get(key);
  if (pending) return pending;
  const read = readListing(source, repository, layer, options).finally(() => inFlight.delete(key));
  inFlight.set(key, read);
  const listing = await read;
  listings.set(key, listing);
  return listing;
}

async function readListing(
  source: RegistrySource,
  repository: string,
  layer: KitLayer,
  options: ReturnType<typeof decodeOptionsFor>,
): Promise<LayerListing> {
  let listing: LayerListing;
  if (layer.format === "tar" && layer.compression === "none" && layer.size >= RANGE_LISTING_MIN_BYTES && source.capabilities.range) {
    listing = await listTarByRange(createRangeReader(source, repository, layer), layer.size, {}, { pathPrefix: options.pathPrefix });
  } else {
    listing = await listLayerStream(await source.getBlob(repository, layer), options);
  }
  return listing;
}
