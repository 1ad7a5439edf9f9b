import type { LayerDecodeOptions } from "@/lib/layers/types";
import type { KitLayer } from "@/lib/modelkit/types";

/** How to read a layer: compression and format from its media type; kit v0.1–v0.4 entries are relative to the Kitfile path's parent. */
export function decodeOptionsFor(layer: KitLayer): LayerDecodeOptions {
  return {
    compression: layer.compression,
    format: layer.format,
    rawName: layer.path ?? layer.annotations["org.opencontainers.image.title"] ?? layer.digest.slice(7, 19),
    pathPrefix: layer.entryRoot ?? undefined,
  };
}
