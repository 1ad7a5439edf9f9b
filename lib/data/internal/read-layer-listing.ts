import "server-only";
import { Readable } from "node:stream";
import { LRUCache } from "lru-cache";
import { createSingleFlight } from "@/lib/cache/single-flight";
import { listLayerFiles as listLayerStream } from "@/lib/layers/list-layer-files";
import { listTarByRange } from "@/lib/layers/list-tar-by-range";
import { parseWhileHashing } from "@/lib/layers/parse-while-hashing";
import type { LayerListing } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";
import { createRangeReader } from "@/lib/registry/create-range-reader";
import { readBlobBytes } from "@/lib/registry/read-blob-bytes";
import type { RegistrySource } from "@/lib/registry/types";
import { decodeOptionsFor } from "./decode-options-for";
import { wholeLayerMaxBytes } from "./whole-layer-max-bytes";

// Listings are derived from content addressed by digest, but they are only served for the registry and
// repository they were read from (like the blob cache); the bound only limits memory.
const listings = new LRUCache<string, LayerListing>({ max: 200 });
// Single flight: two sides of a diff asking for the same layer at once share one read; a failed or timed-out
// read is forgotten at once, so it never blocks later requests.
const inFlight = createSingleFlight<LayerListing>();

/**
 * The file listing of one layer. Layers up to `reads.wholeLayerMaxBytes` are read whole and verified before
 * they are parsed. Larger uncompressed tar layers are header-walked with Range reads (labelled `range`: not
 * verified against the layer digest); other large layers are parsed while they stream and hash, and a digest
 * mismatch fails the listing (502 DIGEST_MISMATCH) whatever the parser said. Only complete, verified listings
 * and range listings (which say what they are) are kept.
 */
export async function readLayerListing(source: RegistrySource, repository: string, layer: KitLayer): Promise<LayerListing> {
  const options = decodeOptionsFor(layer);
  const key = [source.name, repository, layer.digest, options.pathPrefix ?? "", options.rawName ?? ""].join("\u0000");
  const hit = listings.get(key);
  if (hit) return hit;
  return inFlight(key, async () => {
    const listing = await readListing(source, repository, layer, options);
    if (listing.verification !== "partial") listings.set(key, listing);
    return listing;
  });
}

async function readListing(
  source: RegistrySource,
  repository: string,
  layer: KitLayer,
  options: ReturnType<typeof decodeOptionsFor>,
): Promise<LayerListing> {
  const wholeMax = await wholeLayerMaxBytes();
  if (layer.size <= wholeMax) {
    const bytes = await readBlobBytes(source, repository, layer, wholeMax);
    return { ...(await listLayerStream(Readable.from([bytes]), { ...options, size: layer.size })), verification: "verified" };
  }
  if (layer.format === "tar" && layer.compression === "none" && source.capabilities.range) {
    const listing = await listTarByRange(createRangeReader(source, repository, layer), layer.size, {}, { pathPrefix: options.pathPrefix });
    return { ...listing, verification: "range" };
  }
  if (layer.format === "raw" && layer.compression === "none") {
    // the blob is the file: its descriptor (from the verified manifest) says all a listing shows
    return { ...(await listLayerStream(Readable.from([]), { ...options, size: layer.size })), verification: "verified" };
  }
  const { result, complete } = await parseWhileHashing(await source.getBlob(repository, layer), (s) => listLayerStream(s, options));
  return { ...result, verification: complete ? "verified" : "partial" };
}
