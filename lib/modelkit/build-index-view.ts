import type { Annotations, ImageIndex } from "@/lib/oci/types";
import { ANNOTATION } from "./constants";
import type { IndexEntry, ModelKitView } from "./types";

export interface BuildIndexViewInput {
  manifestDigest: string;
  index: ImageIndex;
  contentType: string | null;
}

/**
 * An image index as a list of kits: `kit index` writes one entry per ModelKit with its original tag
 * and free-form `modelMetadata` (kitops pkg/lib/index/index.go); other indexes are multi-platform
 * images or artifact bundles and list the same way.
 */
export function buildIndexView(input: BuildIndexViewInput): ModelKitView {
  const { manifestDigest, index, contentType } = input;
  const annotations: Annotations = { ...(index.annotations ?? {}) };
  const indexEntries: IndexEntry[] = index.manifests.map((desc) => {
    const entryAnnotations: Annotations = { ...(desc.annotations ?? {}) };
    const entry: IndexEntry = { digest: desc.digest, mediaType: desc.mediaType, size: desc.size, annotations: entryAnnotations };
    if (desc.artifactType) entry.artifactType = desc.artifactType;
    const tag = entryAnnotations[ANNOTATION.originalTag] ?? entryAnnotations[ANNOTATION.refName];
    if (tag) entry.tag = tag;
    if (desc.platform) {
      entry.platform = [desc.platform.os, desc.platform.architecture, desc.platform.variant].filter(Boolean).join("/");
    }
    if (desc.modelMetadata) entry.modelMetadata = desc.modelMetadata;
    return entry;
  });
  const header = contentType?.split(";")[0]?.trim() || null;
  return {
    format: "index",
    manifestDigest,
    mediaType: index.mediaType ?? header,
    artifactType: index.artifactType ?? null,
    config: null,
    kitfile: null,
    kitfileSource: null,
    layers: [],
    entries: [],
    parent: null,
    annotations,
    cliVersion: annotations[ANNOTATION.cliVersion] ?? null,
    created: annotations[ANNOTATION.created] ?? null,
    totalSize: 0,
    indexEntries,
    modelCard: null,
    kitRejections: [],
    warnings: [],
  };
}
