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
  /** kit v0.1–v0.2 only (pkg/artifact/kit-file.go at v0.2.5): `{dataset, parameters}` */
  training?: KitfileLegacyTraining;
  /** kit v0.1–v0.2 only: `{dataset, metrics}` */
  validation?: KitfileLegacyValidation;
  digest?: string;
  diffId?: string;
}
export interface KitfileLegacyTraining { dataset?: string; parameters?: unknown }
export interface KitfileLegacyValidation { dataset?: string; metrics?: unknown }
export interface KitfileCode { path?: string; description?: string; license?: string; digest?: string; diffId?: string }
export interface KitfileDataset {
  name?: string;
  path?: string;
  description?: string;
  license?: string;
  parameters?: unknown;
  remotePath?: string;
  remoteHash?: string;
  /** kit v0.1–v0.2 only: free text describing preprocessing steps */
  preprocessing?: string;
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
  /**
   * Directory the layer's tar entry names are relative to, or null when they are relative to the
   * context (kit ≥ v0.5). kit v0.1–v0.4 named entries relative to the *parent* of the Kitfile path
   * (`models/m.joblib` → `m.joblib`, `data/train` → `train/…`) and unpacked into that parent, so a
   * reader joins this directory and the entry name; `"."` when the path has no parent.
   */
  entryRoot: string | null;
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
  /** ModelPack descriptor and config (CNCF model-spec), for ModelPack artifacts; null otherwise */
  modelCard: ModelCard | null;
  /** what kit's own Kitfile validation refuses (`kit pack`/`kit unpack` fail on these) */
  kitRejections: KitValidationIssue[];
  /** non-fatal problems: unknown manifestVersion, unmatched layers, bad annotation JSON… */
  warnings: string[];
}

/**
 * One rule of kit's Kitfile validation that this Kitfile breaks. Kit refuses to pack or unpack such a
 * Kitfile; a registry can still hold one (packed by another tool, an older kit, or by hand), so
 * Kitgate shows it with the marker "kit would reject this" instead of refusing to show it.
 */
export interface KitValidationIssue {
  rule: KitValidationRule;
  /** the Kitfile field at fault: `datasets[0].path`, `model.parts[1].type`, `manifestVersion` */
  field: string;
  message: string;
}

export type KitValidationRule =
  | "manifest-version"
  | "duplicate-path"
  | "absolute-path"
  | "path-outside-context"
  | "http-path"
  | "remote-path-in-local-field"
  | "modelkit-reference-not-allowed"
  | "part-type-pattern"
  | "part-type-length"
  | "mcp-server-name-missing"
  | "mcp-server-name-duplicate"
  | "mcp-server-not-mcpb"
  | "remote-dataset-not-s3"
  | "remote-hash-missing"
  | "remote-dataset-collision"
  | "layer-media-type"
  | "layer-without-filepath"
  | "modelfs-diffids-mismatch";

/** One violation of the model-spec config rules (lib/modelkit/model-pack-config-schema.ts). */
export interface ModelCardSchemaIssue {
  /** JSON pointer into the config (`/descriptor/createdAt`), "" for the document itself */
  pointer: string;
  message: string;
}

export type Modality = "text" | "image" | "audio" | "video" | "embedding" | "other";

/** CNCF model-spec `descriptor` (docs/config.md), only fields with the type the spec gives them. */
export interface ModelCardDescriptor {
  /** as written; see `createdAtValid` before treating it as a date */
  createdAt?: string;
  /** RFC 3339 date-time, as the spec requires: only then is it shown as a date */
  createdAtValid?: boolean;
  authors?: string[];
  vendor?: string;
  family?: string;
  name?: string;
  version?: string;
  title?: string;
  description?: string;
  docURL?: string;
  sourceURL?: string;
  datasetsURL?: string[];
  revision?: string;
  licenses?: string[];
}

export interface ModelCardCapabilities {
  inputTypes?: string[];
  outputTypes?: string[];
  knowledgeCutoff?: string;
  knowledgeCutoffValid?: boolean;
  reasoning?: boolean;
  toolUsage?: boolean;
  reward?: boolean;
  languages?: string[];
}

/** CNCF model-spec `config`: technical metadata. */
export interface ModelCardConfig {
  architecture?: string;
  format?: string;
  paramSize?: string;
  precision?: string;
  quantization?: string;
  capabilities?: ModelCardCapabilities;
}

/** The ModelPack config as a model card: what the page, the version list and the diff show. */
export interface ModelCard {
  descriptor: ModelCardDescriptor;
  config: ModelCardConfig;
  /** `modelfs.diffIds` in layer order (strings only) */
  diffIds: string[];
  /** a list (authors, licenses, languages…) held more than 100 items and shows the first 100 */
  listsTruncated: boolean;
  /** violations of the model-spec config rules; empty when the config follows them */
  schemaIssues: ModelCardSchemaIssue[];
  /** which rules checked it (the spec revision they follow) */
  schemaVersion: string;
}

/** A parsed ModelKit reference (`registry/repository[:tag][@digest]`), as kit resolves it. */
export interface ModelKitReference {
  registry: string;
  repository: string;
  tag: string | null;
  digest: string | null;
  /** tags after a `,` (`repo:v1,latest`): kit tags the kit with each */
  extraTags: string[];
}
