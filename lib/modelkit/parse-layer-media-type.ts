import type { Compression, LayerFormat, LayerKind } from "./types";

export interface LayerMediaType {
  /** which naming scheme produced it; null for anything not ModelKit-shaped */
  family: "kit" | "modelpack" | "jozu" | "cnai" | null;
  kind: LayerKind;
  compression: Compression;
  format: LayerFormat;
  /**
   * Why kit's parser (pkg/lib/constants/mediatype) refuses this Kit or ModelPack media type, or null.
   * The kind/format/compression above are still the best guess, so the layer can be shown.
   */
  problem: string | null;
}

// kitops mediatype.go: the same loose grammar kit matches before checking each part, so a type kit
// refuses (`…model.v1.tar+brotli`) is still recognised as Kit-shaped and reported, not ignored.
const KIT_RE = /^application\/vnd\.kitops\.modelkit\.(\w+)\.v1\.(\w+)(?:\+(\w+))?$/;
const MODELPACK_RE = /^application\/vnd\.(cncf|cnai)\.model\.(\w+(?:\.\w+)?)\.v1\.(\w+)(?:\+(\w+))?$/;
// Early-2024 kit constants: model.content, model.code, dataset.content (always tar+gzip then).
const JOZU_RE = /^application\/vnd\.jozu\.(model|dataset)\.(content|code|docs?|modelpart)\.v1\.tar(?:\+(gzip|zstd))?$/;

const KIT_KINDS: Record<string, LayerKind> = {
  model: "model",
  modelpart: "modelpart",
  dataset: "dataset",
  code: "code",
  docs: "docs",
  mcpb: "mcpb",
};
const MODELPACK_KINDS: Record<string, LayerKind> = {
  weight: "model",
  "weight.config": "modelpart",
  doc: "docs",
  code: "code",
  dataset: "dataset",
};

/** kit's ParseCompression: "" and "none" are both uncompressed (`tar+none` is a valid kit type). */
function parseCompression(suffix: string | undefined): Compression | null {
  if (suffix === undefined || suffix === "" || suffix === "none") return "none";
  if (suffix === "gzip") return "gzip";
  if (suffix === "zstd") return "zstd";
  return null;
}

function jozuKind(group: string, base: string): LayerKind {
  if (base === "code") return "code";
  if (base === "doc" || base === "docs") return "docs";
  if (base === "modelpart") return "modelpart";
  return group === "dataset" ? "dataset" : "model";
}

/** Guesses compression and tar-ness of non-ModelKit layers (container images, other artifacts). */
function genericShape(mediaType: string): { compression: Compression; format: LayerFormat } {
  const mt = mediaType.toLowerCase();
  const compression: Compression = /[+.](gzip|gz)$/.test(mt) ? "gzip" : /[+.]zstd$/.test(mt) ? "zstd" : "none";
  const format: LayerFormat = /[.+]tar(?:[+.]|$)/.test(mt) || mt.includes("rootfs.diff.tar") ? "tar" : "raw";
  return { compression, format };
}

function parseKitOrModelPack(
  family: "kit" | "modelpack" | "cnai",
  kinds: Record<string, LayerKind>,
  base: string,
  format: string,
  suffix: string | undefined,
): LayerMediaType {
  const problems: string[] = [];
  const kind = Object.hasOwn(kinds, base) ? kinds[base]! : "unknown";
  if (kind === "unknown") problems.push(`invalid base type ${base}`);
  const compression = parseCompression(suffix);
  if (compression === null) problems.push(`invalid compression ${suffix}`);
  const fmt: LayerFormat | null = format === "tar" ? "tar" : format === "raw" ? "raw" : null;
  if (fmt === null) problems.push(`invalid format ${format}`);
  // model-spec defines raw layers without compression only (specs-go/v1/mediatype.go); kit refuses them.
  if (family !== "kit" && fmt === "raw" && compression !== null && compression !== "none") {
    problems.push("model-spec does not support compression for raw layers");
  }
  return {
    family,
    kind,
    format: fmt ?? (genericShape(format).format),
    compression: compression ?? genericShape(`x+${suffix ?? ""}`).compression,
    problem: problems.length ? problems.join("; ") : null,
  };
}

/** Derives a layer's kind, compression and tar/raw format from its media type alone. */
export function parseLayerMediaType(mediaType: string): LayerMediaType {
  let m = KIT_RE.exec(mediaType);
  if (m && m[1] !== "config") return parseKitOrModelPack("kit", KIT_KINDS, m[1]!, m[2]!, m[3]);
  m = MODELPACK_RE.exec(mediaType);
  if (m && m[2] !== "config") {
    return parseKitOrModelPack(m[1] === "cncf" ? "modelpack" : "cnai", MODELPACK_KINDS, m[2]!, m[3]!, m[4]);
  }
  m = JOZU_RE.exec(mediaType);
  if (m) {
    return { family: "jozu", kind: jozuKind(m[1]!, m[2]!), format: "tar", compression: parseCompression(m[3]) ?? "none", problem: null };
  }
  return { family: null, kind: "unknown", ...genericShape(mediaType), problem: null };
}
