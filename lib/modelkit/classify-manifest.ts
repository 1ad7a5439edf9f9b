import { MT } from "@/lib/oci/media-types";
import type { ImageIndex, ImageManifest } from "@/lib/oci/types";
import { parseLayerMediaType } from "./parse-layer-media-type";
import type { ArtifactFormat } from "./types";

const IMAGE_CONFIG_TYPES = new Set([
  "application/vnd.oci.image.config.v1+json",
  "application/vnd.docker.container.image.v1+json",
]);
const INDEX_TYPES = new Set<string>([MT.ociIndex, MT.dockerManifestList]);

function baseType(contentType: string | null): string | null {
  return contentType?.split(";")[0]?.trim().toLowerCase() || null;
}

/**
 * What a manifest is, by the rules kit itself uses (ModelFormatForManifest): artifactType or config
 * media type, never the manifest `mediaType` (kit omits it). CNAI-era ModelPack kits are read with
 * the ModelPack rules, so they classify as "modelpack"; the view adds a "legacy" warning.
 */
export function classifyManifest(manifest: ImageManifest | ImageIndex, contentType: string | null): ArtifactFormat {
  if ("manifests" in manifest) return "index";
  const header = baseType(contentType);
  if (header && INDEX_TYPES.has(header)) return "index";

  const configType = manifest.config.mediaType;
  const artifactType = manifest.artifactType ?? null;
  if (artifactType === MT.kitManifestArtifact || configType === MT.kitConfig) return "kit";
  if (artifactType === MT.modelPackManifestArtifact || configType === MT.modelPackConfig) return "modelpack";
  if (configType === MT.legacyJozuConfig) return "kit-legacy";
  if (configType === MT.legacyCnaiConfig) return "modelpack";

  const families = new Set(manifest.layers.map((layer) => parseLayerMediaType(layer.mediaType).family));
  if (families.has("jozu")) return "kit-legacy";
  if (families.has("kit")) return "kit";
  if (families.has("modelpack") || families.has("cnai")) return "modelpack";

  if (IMAGE_CONFIG_TYPES.has(configType)) return "image";
  return "artifact";
}
