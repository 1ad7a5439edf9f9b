import { MT } from "@/lib/oci/media-types";
import type { ImageIndex, ImageManifest } from "@/lib/oci/types";
import type { ArtifactFormat } from "./types";

const IMAGE_CONFIG_TYPES = new Set([
  "application/vnd.oci.image.config.v1+json",
  "application/vnd.docker.container.image.v1+json",
]);
const INDEX_TYPES = new Set<string>([MT.ociIndex, MT.dockerManifestList]);
/** The manifest artifactType of ModelPack before the CNCF rename (modctl legacy constants). */
const LEGACY_CNAI_ARTIFACT = "application/vnd.cnai.model.manifest.v1+json";

function baseType(contentType: string | null): string | null {
  return contentType?.split(";")[0]?.trim().toLowerCase() || null;
}

/**
 * What a manifest is, by the rule kit itself uses (ModelFormatForManifest, pkg/lib/constants/mediatype):
 * the manifest's artifactType or the config media type — never the layers and never the manifest
 * `mediaType`, which kit omits. An artifact whose layers merely look like ModelKit layers is not a
 * ModelKit for kit ("not a modelpack artifact"), so it is not one here either; the view says why.
 * Jozu-era kits and CNAI-era ModelPacks are recognised by their config media types.
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
  if (configType === MT.legacyCnaiConfig || artifactType === LEGACY_CNAI_ARTIFACT) return "modelpack";
  if (IMAGE_CONFIG_TYPES.has(configType)) return "image";
  return "artifact";
}
