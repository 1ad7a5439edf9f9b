// Result types of the ModelKit diff. Every type here is plain JSON (no Map, Set, Date, undefined-only
// semantics): results go over the REST API unchanged. "a" is the base, "b" the head.
import type { EntryType } from "@/lib/layers/types";
import type { KitValidationIssue, LayerKind } from "@/lib/modelkit/types";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

export type ChangeKind = "added" | "removed" | "changed";
export type EntryStatus = "added" | "removed" | "changed" | "unchanged";

// ---------------------------------------------------------------- manifest (`kit diff` parity)

/** A layer as the manifest diff sees it: the descriptor plus what the classifier learned about it. */
export interface LayerRef {
  mediaType: string;
  digest: string;
  size: number;
  /** Kitfile type derived from the media type (or the classifier's `kind`) */
  kind: LayerKind;
  /** Kitfile path from the classifier or the `org.cncf.model.filepath` annotation */
  path: string | null;
  /** the layer's own `org.cncf.model.filepath` annotation (cleaned), the only path `kit diff` compares */
  annotatedPath: string | null;
  diffId: string | null;
}

export interface AnnotationChange {
  key: string;
  kind: ChangeKind;
  before?: string;
  after?: string;
  /**
   * true for `ml.kitops.modelkit.cli-version` (differs whenever two kit versions packed the kits) and
   * `org.opencontainers.image.created` (current kit writes the pack time on every pack)
   */
  noise: boolean;
}

/** A layer unique to A and one unique to B that carry the same Kitfile entry (same kind + path). */
export interface LayerPair {
  kind: LayerKind;
  /** null when neither layer names a path (old kits) and the pair was made by being the only one of its kind */
  path: string | null;
  a: LayerRef;
  b: LayerRef;
  /** both diffIds known and equal: same uncompressed content, only the compression changed */
  sameContent: boolean;
}

export interface ManifestDiff {
  /** manifest digests are equal (`kit diff`: "ModelKits are identical") */
  identical: boolean;
  sameConfig: boolean;
  configDigestA: string | null;
  configDigestB: string | null;
  /** exact equality of the manifest annotation maps, as `kit diff` reports it */
  annotationsMatch: boolean;
  annotationChanges: AnnotationChange[];
  /** annotations differ, but only in noise keys (the kit CLI version, the pack time) */
  annotationsDifferOnlyByNoise: boolean;
  /** sorted by media type, like `kit diff` */
  sharedLayers: LayerRef[];
  uniqueToA: LayerRef[];
  uniqueToB: LayerRef[];
  /** pairs among the unique layers, sorted by kind then path */
  pairs: LayerPair[];
}

// ---------------------------------------------------------------- Kitfile

export interface KitfileChange {
  /** readable path: `package.version`, `model.parts[lora].path`, `datasets[train].remoteHash` */
  path: string;
  kind: ChangeKind;
  before?: JsonValue;
  after?: JsonValue;
}

// ---------------------------------------------------------------- entries

export type DiffSection = "package" | "model" | "parts" | "code" | "datasets" | "docs" | "prompts" | "mcpServers";
export const DIFF_SECTIONS: readonly DiffSection[] = [
  "package", "model", "parts", "code", "datasets", "docs", "prompts", "mcpServers",
];

export interface EntrySide {
  path: string;
  name?: string;
  /** layer digest (for `package`: the config blob digest); null for external or unmatched entries */
  digest: string | null;
  /** layer size in bytes (for `package`: config size); null when no layer */
  size: number | null;
  mediaType: string | null;
  diffId: string | null;
  external: boolean;
  remotePath?: string;
  remoteHash?: string;
}

export interface EntryDiff {
  section: DiffSection;
  /** the name or path the two sides were matched by */
  key: string;
  status: EntryStatus;
  before?: EntrySide;
  after?: EntrySide;
  /** changed layer digest but equal diffId: recompressed, same content */
  recompressed: boolean;
}

export type EntriesDiff = Record<DiffSection, EntryDiff[]>;

export interface SectionCounts {
  added: number;
  removed: number;
  changed: number;
  unchanged: number;
}

export interface DiffSummary {
  identical: boolean;
  sections: Record<DiffSection, SectionCounts>;
  layers: { shared: number; uniqueA: number; uniqueB: number; recompressed: number };
  /** bytes of head (b) layers that are not in base (a): what a deploy of b pulls on top of a */
  bytesDiffering: number;
  /** manifest annotations differ only by the kit CLI version */
  cliVersionNoise: boolean;
  configChanged: boolean;
  kitfileChanges: number;
  /** model card fields changed, noise (the pack time) excluded */
  modelCardChanges: number;
  /** problems kit would reject in the head that the base did not have */
  kitRejectionsIntroduced: number;
}

// ---------------------------------------------------------------- ModelPack model card, kit validation
export interface ModelCardChange extends KitfileChange {
  /** `descriptor.createdAt`: kit writes the pack time, so it differs on every pack */
  noise: boolean;
}

export interface ModelKitDiff {
  summary: DiffSummary;
  manifest: ManifestDiff;
  kitfile: KitfileChange[];
  entries: EntriesDiff;
  /** ModelPack descriptor/config field changes (`descriptor.licenses`, `config.capabilities.inputTypes`) */
  modelCard: ModelCardChange[];
  /** what kit would reject on each side, and which of those problems the head fixed or introduced */
  kitRejections: { base: KitValidationIssue[]; head: KitValidationIssue[]; introduced: KitValidationIssue[]; fixed: KitValidationIssue[] };
}

// ---------------------------------------------------------------- file trees

export type FileChangeKind = "added" | "removed" | "modified" | "mode-changed" | "type-changed";

export interface FileSide {
  type: EntryType;
  size: number;
  mode: number;
  linkTarget?: string;
  sha256?: string;
}

export interface FileChange {
  path: string;
  kind: FileChangeKind;
  before?: FileSide;
  after?: FileSide;
  /** a modified file whose permission bits changed too */
  modeChanged: boolean;
  /** how "modified" was decided: content digests from both sides, or sizes only */
  comparedBy: "digest" | "size" | "link" | "none";
}

export interface FileDiffCounts {
  added: number;
  removed: number;
  modified: number;
  modeChanged: number;
  typeChanged: number;
  unchanged: number;
  /** same size and no digests to compare: equal as far as a listing can tell */
  unverified: number;
}

export interface FileTreeDiff {
  changes: FileChange[];
  counts: FileDiffCounts;
  bytesBefore: number;
  bytesAfter: number;
}

// ---------------------------------------------------------------- CSV

export interface CsvColumnChange {
  kind: "added" | "removed" | "renamed";
  /** name in a (removed, renamed) */
  before?: string;
  /** name in b (added, renamed) */
  after?: string;
  indexBefore?: number;
  indexAfter?: number;
}

export interface CsvCellChange {
  column: string;
  before: string;
  after: string;
}

export interface CsvRowChange {
  kind: "added" | "removed" | "changed";
  key?: string;
  /** 1-based data row numbers (header excluded) */
  rowBefore?: number;
  rowAfter?: number;
  /** full row (mapped by column name) for added and removed rows */
  values?: Record<string, string>;
  /** changed cells only */
  cells?: CsvCellChange[];
}

export interface CsvColumnStats {
  column: string;
  rows: number;
  nulls: number;
  distinct: number;
  /** the distinct count hit its cap; the true count is at least `distinct` */
  distinctAtLeast: boolean;
  /** every non-null value parsed as a number */
  numeric: boolean;
  min?: number;
  max?: number;
  mean?: number;
}

export interface CsvDiff {
  delimiter: "," | "\t";
  mode: "keyed" | "positional";
  keyColumn: string | null;
  columns: CsvColumnChange[];
  /** columns compared (name in b), in b's order */
  comparedColumns: string[];
  rowsBefore: number;
  rowsAfter: number;
  counts: { added: number; removed: number; changed: number; unchanged: number };
  /** the requested page of row changes */
  page: { offset: number; limit: number; total: number; rows: CsvRowChange[] };
  stats: { column: string; before: CsvColumnStats | null; after: CsvColumnStats | null }[];
  /** a cap was hit; `reasons` says which */
  truncated: boolean;
  reasons: string[];
  warnings: string[];
}

// ---------------------------------------------------------------- tensors

export interface TensorChange {
  name: string;
  kind: "added" | "removed" | "shape-changed" | "dtype-changed" | "shape-and-dtype-changed";
  dtypeBefore?: string;
  dtypeAfter?: string;
  shapeBefore?: number[];
  shapeAfter?: number[];
}

export interface TensorHeaderDiff {
  changes: TensorChange[];
  counts: { added: number; removed: number; changed: number; unchanged: number };
  parameterCount: { before: number; after: number; delta: number };
  metadata: { key: string; kind: ChangeKind; before?: JsonValue; after?: JsonValue }[];
  truncated: boolean;
}

// ---------------------------------------------------------------- notebooks

export interface NotebookOutputChange {
  /** output index in the head cell (or base cell when removed) */
  index: number;
  kind: "added" | "removed" | "changed";
  /** "stream", "text/plain", "image", "error", "other" */
  what: string;
  before?: string;
  after?: string;
  /** one-line description for non-text outputs: "image changed" */
  summary?: string;
}

export interface NotebookCellChange {
  kind: "added" | "removed" | "changed" | "moved" | "unchanged";
  cellId?: string;
  cellType: string;
  indexBefore?: number;
  indexAfter?: number;
  /** full source text of each side, for the UI's line diff */
  sourceBefore?: string;
  sourceAfter?: string;
  sourceChanged: boolean;
  cellTypeChanged: boolean;
  outputs: NotebookOutputChange[];
}

export interface NotebookDiff {
  matchedBy: "id" | "source";
  cells: NotebookCellChange[];
  counts: { added: number; removed: number; changed: number; moved: number; unchanged: number };
  metadataChanged: boolean;
}

// ---------------------------------------------------------------- classification

export type DiffFileClass =
  | "text" | "json" | "yaml" | "csv" | "tsv" | "notebook" | "safetensors" | "gguf" | "markdown" | "binary";
