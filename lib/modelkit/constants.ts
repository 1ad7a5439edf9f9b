// Names and budgets shared by the ModelKit readers. Constants only: no operations live here.

/** Manifest and config bodies above this are refused (DESIGN.md budget: real ones are a few KiB). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
/** Config blobs share the manifest budget: a Kitfile JSON is tiny, anything bigger is hostile. */
export const MAX_CONFIG_BYTES = 4 * 1024 * 1024;
/** A Kitfile is hand-written YAML; 1 MiB is far beyond any real one and bounds parser work. */
export const MAX_KITFILE_BYTES = 1024 * 1024;
/** YAML aliases expand; a small cap defeats "billion laughs" documents. */
export const MAX_YAML_ALIASES = 100;
/** More layers than this is not a ModelKit anyone packed by hand; it bounds matching work. */
export const MAX_LAYERS = 10_000;
/** Same bound for index entries. */
export const MAX_INDEX_ENTRIES = 10_000;

export const ANNOTATION = {
  cliVersion: "ml.kitops.modelkit.cli-version",
  kitfile: "ml.kitops.modelkit.kitfile",
  layerSubtype: "ml.kitops.modelkit.layer-subtype",
  originalTag: "ml.kitops.modelkit.original-tag",
  filepath: "org.cncf.model.filepath",
  legacyFilepath: "org.cnai.model.filepath",
  fileMetadata: "org.cncf.model.file.metadata+json",
  created: "org.opencontainers.image.created",
  refName: "org.opencontainers.image.ref.name",
} as const;

export const LAYER_SUBTYPE_PROMPT = "prompt";
