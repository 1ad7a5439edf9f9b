import type { Annotations, Descriptor } from "@/lib/oci/types";

/** What a manifest turned out to be. "kit-legacy": jozu-era media types or kits without per-entry digests. */
export type ArtifactFormat = "kit" | "kit-legacy" | "modelpack" | "index" | "image" | "artifact";

export type LayerKind = "model" | "modelpart" | "code" | "prompt" | "dataset" | "docs" | "mcpb" | "unknown";
export type Compression = "none" | "gzip" | "zstd";
export type LayerFormat = "tar" | "raw";

export interface KitfilePackage {
  name?: string;
  version?: string;
  description?: string;
  license?: string;
  authors?: string[];
}
export interface KitfileModelPart {
  name?: string;
  path?: string;
  license?: string;
  type?: string;
  digest?: string;
  diffId?: string;
}
export interface KitfileModel {
  name?: string;
  path?: string;
  license?: string;
  framework?: string;
  format?: string;
  version?: string;
  description?: string;
  parts?: KitfileModelPart[];
  parameters?: unknown;
  digest?: string;
  diffId?: string;
}
export interface KitfileCode { path?: string; description?: string; license?: string; digest?: string; diffId?: string }
export interface KitfileDataset {
  name?: string;
  path?: string;
  description?: string;
  license?: string;
  parameters?: unknown;
  remotePath?: string;
  remoteHash?: string;
  digest?: string;
  diffId?: string;
}
export interface KitfileDoc { path?: string; description?: string; digest?: string; diffId?: string }
export interface KitfilePrompt { name?: string; path?: string; description?: string; digest?: string; diffId?: string }
export interface KitfileMcpServer { name?: string; path?: string; description?: string; digest?: string; diffId?: string }

export interface Kitfile {
  manifestVersion?: string;
  package?: KitfilePackage;
  model?: KitfileModel;
  code?: KitfileCode[];
  datasets?: KitfileDataset[];
  docs?: KitfileDoc[];
  prompts?: KitfilePrompt[];
  mcpServers?: KitfileMcpServer[];
}

export type EntrySection = "model" | "parts" | "code" | "datasets" | "docs" | "prompts" | "mcpServers";

/** One Kitfile entry joined to the layer that carries it (or marked external / missing). */
export interface KitEntry {
  section: EntrySection;
  /** index within its Kitfile list (0 for model) */
  index: number;
  name?: string;
  path: string;
  description?: string;
  license?: string;
  type?: string;
  remotePath?: string;
  remoteHash?: string;
  /** dataset kept outside the ModelKit (remotePath) or model that is a ModelKit reference */
  external: boolean;
  /** digest of the layer holding the entry, null if external or unmatched */
  layerDigest: string | null;
}

export interface KitLayer {
  index: number;
  kind: LayerKind;
  mediaType: string;
  digest: string;
  size: number;
  compression: Compression;
  format: LayerFormat;
  /** Kitfile path of the entry (from the matched entry or `org.cncf.model.filepath`) */
  path: string | null;
  /** sha256 of the uncompressed content when known (config LayerInfo or ModelPack modelfs) */
  diffId: string | null;
  annotations: Annotations;
  /** old kits stored tar entries relative to the layer path; readers prefix them with `path` */
  entriesRelativeToPath: boolean;
}

export interface ParentReference {
  /** the literal `model.path` */
  reference: string;
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
}

export interface IndexEntry {
  digest: string;
  mediaType: string;
  size: number;
  artifactType?: string;
  /** `ml.kitops.modelkit.original-tag` or `org.opencontainers.image.ref.name` */
  tag?: string;
  platform?: string;
  modelMetadata?: Record<string, unknown>;
  annotations: Annotations;
}

export interface ModelKitView {
  format: ArtifactFormat;
  manifestDigest: string;
  mediaType: string | null;
  artifactType: string | null;
  config: Descriptor | null;
  kitfile: Kitfile | null;
  kitfileSource: "config" | "annotation" | "synthesised" | null;
  layers: KitLayer[];
  entries: KitEntry[];
  parent: ParentReference | null;
  annotations: Annotations;
  cliVersion: string | null;
  created: string | null;
  /** total of layer sizes (config excluded), as `kit list` counts it */
  totalSize: number;
  /** for indexes: the manifests it lists */
  indexEntries: IndexEntry[];
  /** non-fatal problems: unknown manifestVersion, unmatched layers, bad annotation JSON… */
  warnings: string[];
}

/** A parsed ModelKit reference (`registry/repository[:tag][@digest]`), as kit resolves it. */
export interface ModelKitReference {
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
}
