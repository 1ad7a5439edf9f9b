// Plain, JSON-safe shapes returned by the data layer (lib/data/*): the only things pages, route handlers and
// client components ever see. Never Prisma rows, never credentials, never raw registry responses.
import type { PredicateView } from "@/lib/attest/predicate-types";
import type { AttestationDTO } from "@/lib/attest/types";
import type { AttestationBadge } from "@/lib/attest/worst-status";
import type { JsonChange } from "@/lib/diff/json/types";
import type { CsvDiff, DiffFileClass, FileTreeDiff, ModelKitDiff, NotebookDiff, TensorHeaderDiff } from "@/lib/diff/types";
import type { LayerListing, ReadVerification } from "@/lib/layers/types";
import type { ArtifactFormat, ModelKitView } from "@/lib/modelkit/types";

export interface PageDTO<T> {
  items: T[];
  next: string | null;
}

export interface RegistryDTO {
  name: string;
  kind: "remote" | "oci-layout";
  /** remote URL (no credentials) or "embedded" */
  location: string;
  capabilities: { catalog: boolean; referrersApi: boolean | "unknown"; tagPagination: boolean; range: boolean };
}

export interface RepositoryDTO {
  registry: string;
  name: string;
}

export interface VersionDTO {
  digest: string;
  /** version tags pointing at this digest (referrer/cosign tags removed) */
  tags: string[];
  format: ArtifactFormat | "error";
  packageName: string | null;
  packageVersion: string | null;
  authors: string[];
  modelName: string | null;
  framework: string | null;
  modelFormat: string | null;
  totalSize: number;
  cliVersion: string | null;
  /** ModelPack descriptor/config in brief (title, vendor, size, licenses…); null for Kit-format kits */
  card: ModelCardSummary | null;
  /** how many problems kit's own validation would reject this version for */
  kitRejections: number;
  /** set when this digest could not be read (malformed manifest/config): shown on that version only */
  error: string | null;
  /** worst verified attestation finding, "unsigned", "verification failed"…; null when not looked up */
  attestation: AttestationBadge | null;
}

/** The model card fields a version list row shows. */
export interface ModelCardSummary {
  title: string | null;
  vendor: string | null;
  family: string | null;
  architecture: string | null;
  paramSize: string | null;
  precision: string | null;
  quantization: string | null;
  licenses: string[];
  /** model-spec schema violations in the config */
  schemaIssues: number;
}

export interface VersionsPageDTO extends PageDTO<VersionDTO> {
  /** referrer/signature tags (`sha256-…`, `.sig`, `.att`, `.sbom`) seen on this page and hidden */
  hiddenTags: number;
  totalTags: number;
}

export interface SnippetDTO {
  id: string;
  title: string;
  language: "shell" | "yaml";
  text: string;
}

export interface ParentDTO {
  reference: string;
  /** link target inside Kitgate when the registry is configured, else null */
  href: string | null;
  /** digest the reference resolves to now (tags can move), null if it could not be resolved */
  digest: string | null;
  error: string | null;
}

export interface ModelKitDTO {
  /** canonical reference `registry/repository@sha256:…` */
  reference: string;
  registry: string;
  repository: string;
  /** the tag the user asked for, if any */
  tag: string | null;
  digest: string;
  /** all version tags pointing at this digest */
  tags: string[];
  view: ModelKitView;
  kitfileYaml: string | null;
  snippets: SnippetDTO[];
  parent: ParentDTO | null;
  /** raw manifest JSON text (pretty-printed for display; never re-hashed) */
  manifestJson: string;
}

export interface LayerFilesDTO {
  layerDigest: string;
  /** `listing.verification` says how its bytes were checked against the layer digest */
  listing: LayerListing;
}

/** The answer of "verify whole layer": the layer's bytes were read to their end and hashed. */
export interface LayerVerificationDTO {
  layerDigest: string;
  size: number;
  verified: true;
}

export interface TensorHeaderDTO {
  kind: "safetensors" | "gguf";
  parameterCount: number;
  tensors: { name: string; dtype: string; shape: number[] }[];
  tensorsTruncated: boolean;
  metadata: Record<string, unknown>;
  /** how the header bytes were checked against the layer digest (`range`: read by Range, not verified) */
  verification: ReadVerification;
}

export interface FileContentDTO {
  path: string;
  layerDigest: string;
  size: number;
  mode: number;
  kind: "text" | "markdown" | "binary" | "tensors";
  /** Monaco language id guessed from the extension */
  language: string;
  /** text content (text/markdown), capped */
  text: string | null;
  truncated: boolean;
  /** sha256 of the bytes read, when the whole file was read */
  sha256: string | null;
  tensors: TensorHeaderDTO | null;
  /** short human description for binaries: "binary, 12.3 MB" */
  note: string | null;
  /**
   * how the bytes shown were checked against the layer digest: `verified`, or `range` ("read by range, not
   * verified against the layer digest") / `partial` (streamed, stopped before the layer's end); the UI offers
   * "verify whole layer" for the last two
   */
  verification: ReadVerification;
}

// ---------------------------------------------------------------- diffs

export interface DiffSideDTO {
  reference: string;
  registry: string;
  repository: string;
  digest: string;
  tag: string | null;
  format: ArtifactFormat;
  packageVersion: string | null;
}

export interface ModelKitDiffDTO {
  base: DiffSideDTO;
  head: DiffSideDTO;
  diff: ModelKitDiff;
}

export interface EntryFilesDiffDTO {
  section: string;
  key: string;
  baseLayer: string | null;
  headLayer: string | null;
  tree: FileTreeDiff;
  /** a listing stopped at a budget: the tree diff covers only what was listed */
  truncated: boolean;
}

export interface FileSideDTO {
  layerDigest: string;
  size: number;
  mode: number;
  sha256: string | null;
}

interface FileDiffBase {
  path: string;
  class: DiffFileClass;
  base: FileSideDTO | null;
  head: FileSideDTO | null;
  /** same bytes on both sides */
  identical: boolean;
  /** why a body is missing or partial (budget, binary, timeout), for the UI to say so */
  note: string | null;
}

export interface TextDiffBody {
  status: "ok" | "skipped" | "timeout";
  stats: { added: number; removed: number; linesA: number; linesB: number } | null;
  /** unified patch of the requested page of hunks (for diff2html); empty when skipped */
  patch: string;
  offset: number;
  totalHunks: number;
  totalLines: number;
}

export type FileDiffDTO =
  | (FileDiffBase & { kind: "text"; text: TextDiffBody })
  | (FileDiffBase & { kind: "json"; text: TextDiffBody | null; semantic: { changes: JsonChange[]; truncated: boolean } })
  | (FileDiffBase & { kind: "csv"; csv: CsvDiff; text: TextDiffBody | null })
  | (FileDiffBase & { kind: "notebook"; notebook: NotebookDiff; text: TextDiffBody })
  | (FileDiffBase & { kind: "tensors"; baseHeader: TensorHeaderDTO | null; headHeader: TensorHeaderDTO | null; tensors: TensorHeaderDiff })
  | (FileDiffBase & { kind: "binary" });

export interface AccountSummaryDTO {
  id: string;
  name: string;
  groups: string[];
  /** effective role per scope (several grants on one scope merge into the highest) */
  roles: { scope: string; role: string }[];
  isAdmin: boolean;
}

export interface AttestationPanelDTO {
  badge: AttestationBadge;
  /** `view` is the predicate's display model; null when the payload did not parse */
  items: (AttestationDTO & { view: PredicateView | null })[];
}
