import type { Compression, LayerFormat, LayerKind } from "./types";

export interface LayerMediaType {
  /** which naming scheme produced it; null for anything not ModelKit-shaped */
  family: "kit" | "modelpack" | "jozu" | "cnai" | null;
  kind: LayerKind;
  compression: Compression;
  format: LayerFormat;
}

// kitops pkg/lib/constants/mediatype/kitops.go: application/vnd.kitops.modelkit.<base>.v1.<tar|raw>[+gzip|+zstd]
const KIT_RE = /^application\/vnd\.kitops\.modelkit\.(model|modelpart|dataset|code|docs|mcpb)\.v1\.(tar|raw)(?:\+(gzip|zstd))?$/;
// model-spec specs-go/v1/mediatype.go; the cnai prefix is the same scheme before the CNCF rename.
const MODELPACK_RE = /^application\/vnd\.(cncf|cnai)\.model\.(weight|weight\.config|doc|code|dataset)\.v1\.(raw|tar)(?:\+(gzip|zstd))?$/;
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

function compressionOf(suffix: string | undefined): Compression {
  return suffix === "gzip" ? "gzip" : suffix === "zstd" ? "zstd" : "none";
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

/** Derives a layer's kind, compression and tar/raw format from its media type alone. */
export function parseLayerMediaType(mediaType: string): LayerMediaType {
  let m = KIT_RE.exec(mediaType);
  if (m) {
    return { family: "kit", kind: KIT_KINDS[m[1]!] ?? "unknown", format: m[2] === "raw" ? "raw" : "tar", compression: compressionOf(m[3]) };
  }
  m = MODELPACK_RE.exec(mediaType);
  if (m) {
    return {
      family: m[1] === "cncf" ? "modelpack" : "cnai",
      kind: MODELPACK_KINDS[m[2]!] ?? "unknown",
      format: m[3] === "raw" ? "raw" : "tar",
      compression: compressionOf(m[4]),
    };
  }
  m = JOZU_RE.exec(mediaType);
  if (m) {
    return { family: "jozu", kind: jozuKind(m[1]!, m[2]!), format: "tar", compression: compressionOf(m[3]) };
  }
  return { family: null, kind: "unknown", ...genericShape(mediaType) };
}
