import type { Annotations } from "@/lib/oci/types";
import type { LayerKind } from "@/lib/modelkit/types";
import type { LayerRef } from "@/lib/diff/types";

/** What the manifest diff needs of a layer: a raw OCI descriptor or a classified `KitLayer` both fit. */
export interface LayerLike {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Annotations;
  kind?: LayerKind;
  path?: string | null;
  diffId?: string | null;
}

const FILEPATH_ANNOTATIONS = ["org.cncf.model.filepath", "org.cnai.model.filepath"];
const SUBTYPE_ANNOTATION = "ml.kitops.modelkit.layer-subtype";

// Kit: application/vnd.kitops.modelkit.<base>.v1.…; ModelPack: application/vnd.cncf.model.<base>.v1.…
// (and the pre-rename cnai / jozu spellings). Modelkit format reference §2.
const MEDIA_TYPE_BASE = /^application\/vnd\.(?:kitops\.modelkit|cncf\.model|cnai\.model|jozu\.model)\.([a-z.]+?)\.v1(?:[.+]|$)/;
const BASE_TO_KIND: Record<string, LayerKind> = {
  model: "model", weight: "model", modelpart: "modelpart", "weight.config": "modelpart",
  code: "code", dataset: "dataset", docs: "docs", doc: "docs", mcpb: "mcpb", content: "model",
};

function kindFromMediaType(mediaType: string, annotations: Annotations | undefined): LayerKind {
  const base = MEDIA_TYPE_BASE.exec(mediaType)?.[1];
  const kind = (base !== undefined && Object.hasOwn(BASE_TO_KIND, base) ? BASE_TO_KIND[base] : undefined) ?? "unknown";
  // Prompts share the code media type and differ only by this annotation (PR #1054).
  if (kind === "code" && annotations?.[SUBTYPE_ANNOTATION] === "prompt") return "prompt";
  return kind;
}

function cleanPath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    parts.push(seg);
  }
  return parts.length === 0 ? "." : parts.join("/");
}

export function toLayerRef(layer: LayerLike): LayerRef {
  let annotated: string | null = null;
  for (const key of FILEPATH_ANNOTATIONS) {
    const v = layer.annotations?.[key];
    if (typeof v === "string" && v !== "") { annotated = v; break; }
  }
  const path: string | null = layer.path ?? annotated;
  return {
    mediaType: layer.mediaType,
    digest: layer.digest,
    size: layer.size,
    kind: layer.kind ?? kindFromMediaType(layer.mediaType, layer.annotations),
    path: path === null ? null : cleanPath(path),
    annotatedPath: annotated === null ? null : cleanPath(annotated),
    diffId: layer.diffId ?? null,
  };
}
