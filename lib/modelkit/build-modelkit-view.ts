import { z } from "zod";
import { isAppError } from "@/lib/errors";
import type { Annotations, ImageManifest } from "@/lib/oci/types";
import { classifyManifest } from "./classify-manifest";
import { ANNOTATION, LAYER_SUBTYPE_PROMPT, MAX_CONFIG_BYTES } from "./constants";
import { decodeJson } from "./decode-json";
import { parseKitfile } from "./parse-kitfile";
import { parseLayerMediaType } from "./parse-layer-media-type";
import { parseModelKitReference } from "./parse-model-kit-reference";
import type {
  ArtifactFormat,
  EntrySection,
  KitEntry,
  KitLayer,
  Kitfile,
  LayerKind,
  ModelKitView,
  ParentReference,
} from "./types";

export interface BuildModelKitViewInput {
  manifestDigest: string;
  manifest: ImageManifest;
  contentType: string | null;
  /** the config blob, already verified against `manifest.config.digest`; null if not fetched */
  configBytes: Uint8Array | null;
}

type Group = "model" | "code" | "prompt" | "dataset" | "docs" | "mcpb";

interface PendingEntry {
  entry: KitEntry;
  group: Group;
  digest: string | null;
  diffId: string | null;
}

interface ModelPackConfig {
  createdAt: string | null;
  diffIds: string[];
  name: string | null;
  version: string | null;
  description: string | null;
  authors: string[];
  format: string | null;
}

const modelPackConfigSchema = z.object({
  descriptor: z
    .object({
      createdAt: z.string().optional(),
      name: z.string().optional(),
      version: z.string().optional(),
      description: z.string().optional(),
      authors: z.array(z.string()).optional(),
    })
    .optional(),
  config: z.object({ format: z.string().optional() }).optional(),
  modelfs: z.object({ diffIds: z.array(z.string()).optional() }).optional(),
});

const GROUP_OF_LAYER: Record<LayerKind, Group | null> = {
  model: "model",
  modelpart: "model",
  code: "code",
  prompt: "prompt",
  dataset: "dataset",
  docs: "docs",
  mcpb: "mcpb",
  unknown: null,
};

function shortDigest(digest: string): string {
  return digest.length > 19 ? `${digest.slice(0, 19)}…` : digest;
}

function cleanPath(path: string): string {
  const trimmed = path.trim().replace(/\\/g, "/").replace(/^\.\/+/, "").replace(/\/+$/, "");
  return trimmed === "" ? "." : trimmed;
}

function isModelKitReference(path: string): boolean {
  return (path.includes(":") || path.includes("@")) && parseModelKitReference(path) !== null;
}

function errorMessage(e: unknown): string {
  return isAppError(e) || e instanceof Error ? e.message : String(e);
}

function readModelPackConfig(bytes: Uint8Array | null, warnings: string[]): ModelPackConfig | null {
  if (!bytes) return null;
  try {
    const parsed = modelPackConfigSchema.safeParse(decodeJson(bytes, "ModelPack config", MAX_CONFIG_BYTES));
    if (!parsed.success) {
      warnings.push("ModelPack config does not follow the model-spec schema; its fields are ignored");
      return null;
    }
    const d = parsed.data;
    return {
      createdAt: d.descriptor?.createdAt ?? null,
      diffIds: d.modelfs?.diffIds ?? [],
      name: d.descriptor?.name ?? null,
      version: d.descriptor?.version ?? null,
      description: d.descriptor?.description ?? null,
      authors: d.descriptor?.authors ?? [],
      format: d.config?.format ?? null,
    };
  } catch (e) {
    warnings.push(`ModelPack config could not be read: ${errorMessage(e)}`);
    return null;
  }
}

/**
 * kitops GenerateKitfileForModelPack, re-created: the first weight is the model, further weights and
 * weight configs are parts, code/dataset/doc map to their lists; paths come from the filepath
 * annotation and diffIds from `modelfs` by layer index.
 */
function synthesiseKitfile(layers: KitLayer[], config: ModelPackConfig | null, warnings: string[]): Kitfile {
  const kitfile: Kitfile = { manifestVersion: "1.0.0", package: {} };
  if (config?.name) kitfile.package!.name = config.name;
  if (config?.version) kitfile.package!.version = config.version;
  if (config?.description) kitfile.package!.description = config.description;
  if (config?.authors.length) kitfile.package!.authors = config.authors;
  for (const layer of layers) {
    if (layer.path === null) {
      if (layer.kind !== "unknown") warnings.push(`layer ${layer.index} (${shortDigest(layer.digest)}) has no ${ANNOTATION.filepath} annotation; it cannot be named`);
      continue;
    }
    const info = { path: layer.path, digest: layer.digest, ...(layer.diffId ? { diffId: layer.diffId } : {}) };
    switch (layer.kind) {
      case "model":
        if (!kitfile.model) {
          kitfile.model = { ...(config?.name ? { name: config.name } : {}), ...(config?.format ? { format: config.format } : {}), ...info };
        } else {
          (kitfile.model.parts ??= []).push(info);
        }
        break;
      case "modelpart":
        kitfile.model ??= {};
        (kitfile.model.parts ??= []).push(info);
        break;
      case "code":
        (kitfile.code ??= []).push(info);
        break;
      case "prompt":
        (kitfile.prompts ??= []).push(info);
        break;
      case "dataset":
        (kitfile.datasets ??= []).push(info);
        break;
      case "docs":
        (kitfile.docs ??= []).push(info);
        break;
      default:
        break;
    }
  }
  return kitfile;
}

function collectEntries(kitfile: Kitfile): { pending: PendingEntry[]; parent: ParentReference | null } {
  const pending: PendingEntry[] = [];
  let parent: ParentReference | null = null;
  const add = (
    section: EntrySection,
    index: number,
    group: Group,
    e: { name?: string; path?: string; description?: string; license?: string; type?: string; remotePath?: string; remoteHash?: string; digest?: string; diffId?: string },
    external: boolean,
  ) => {
    const entry: KitEntry = { section, index, path: cleanPath(e.path ?? ""), external, layerDigest: null };
    if (e.name !== undefined) entry.name = e.name;
    if (e.description !== undefined) entry.description = e.description;
    if (e.license !== undefined) entry.license = e.license;
    if (e.type !== undefined) entry.type = e.type;
    if (e.remotePath !== undefined) entry.remotePath = e.remotePath;
    if (e.remoteHash !== undefined) entry.remoteHash = e.remoteHash;
    pending.push({ entry, group, digest: e.digest || null, diffId: e.diffId || null });
  };

  const model = kitfile.model;
  if (model) {
    const path = model.path ?? "";
    if (path !== "" && isModelKitReference(path)) {
      const ref = parseModelKitReference(path)!;
      parent = { reference: path, ...ref };
      add("model", 0, "model", { ...model, path }, true);
      pending[pending.length - 1]!.entry.path = path;
    } else if (path !== "") {
      // kit packs no model layer for an empty path, so there is nothing to match.
      add("model", 0, "model", model, false);
    }
    model.parts?.forEach((p, i) => add("parts", i, "model", p, false));
  }
  kitfile.code?.forEach((c, i) => add("code", i, "code", c, false));
  kitfile.datasets?.forEach((d, i) => add("datasets", i, "dataset", d, Boolean(d.remotePath)));
  kitfile.docs?.forEach((d, i) => add("docs", i, "docs", d, false));
  kitfile.prompts?.forEach((p, i) => add("prompts", i, "prompt", p, false));
  kitfile.mcpServers?.forEach((m, i) => add("mcpServers", i, "mcpb", m, false));
  return { pending, parent };
}

function entryLabel(e: KitEntry): string {
  const where = e.section === "model" ? "model" : `${e.section}[${e.index}]`;
  return `${where} (${e.path})`;
}

/**
 * Joins layers to Kitfile entries: by the per-entry digest the config records (newer kits, any
 * layer order); for entries without one, by the `org.cncf.model.filepath` annotation; finally by
 * position within each type, as kit unpacks pre-LayerInfo kits. Prompts are code-type layers told
 * apart by `ml.kitops.modelkit.layer-subtype: prompt`; kit's unpack keeps a separate counter for
 * them (core.go promptIdx), so their position relative to code layers does not matter — the k-th
 * prompt layer is prompts[k], the k-th other code layer is code[k]. Remote datasets have no layer.
 */
function matchLayers(layers: KitLayer[], pending: PendingEntry[]): Map<number, PendingEntry> {
  const byLayer = new Map<number, PendingEntry>();
  const matched = new Set<number>();
  const local = pending.filter((p) => !p.entry.external);

  const claim = (p: PendingEntry, layer: KitLayer) => {
    matched.add(layer.index);
    byLayer.set(layer.index, p);
    p.entry.layerDigest = layer.digest;
  };

  for (const p of local) {
    if (!p.digest) continue;
    const layer = layers.find((l) => !matched.has(l.index) && l.digest === p.digest);
    if (layer) claim(p, layer);
  }
  for (const p of local) {
    if (p.digest || p.entry.layerDigest) continue;
    const layer = layers.find(
      (l) => !matched.has(l.index) && GROUP_OF_LAYER[l.kind] === p.group && l.path !== null && cleanPath(l.path) === p.entry.path,
    );
    if (layer) claim(p, layer);
  }
  for (const p of local) {
    if (p.digest || p.entry.layerDigest) continue;
    const layer = layers.find((l) => !matched.has(l.index) && GROUP_OF_LAYER[l.kind] === p.group && l.path === null);
    if (layer) claim(p, layer);
  }
  return byLayer;
}

function buildLayers(manifest: ImageManifest, format: ArtifactFormat, warnings: string[]): KitLayer[] {
  const modelKitShaped = format === "kit" || format === "kit-legacy" || format === "modelpack";
  return manifest.layers.map((desc, index) => {
    const annotations: Annotations = { ...(desc.annotations ?? {}) };
    const mt = parseLayerMediaType(desc.mediaType);
    let kind = mt.kind;
    if (kind === "code" && annotations[ANNOTATION.layerSubtype] === LAYER_SUBTYPE_PROMPT) kind = "prompt";
    if (modelKitShaped && mt.family === null) {
      warnings.push(`layer ${index} has an unknown media type ${JSON.stringify(desc.mediaType)}`);
    }
    const path = annotations[ANNOTATION.filepath] ?? annotations[ANNOTATION.legacyFilepath] ?? null;
    return {
      index,
      kind,
      mediaType: desc.mediaType,
      digest: desc.digest,
      size: desc.size,
      compression: mt.compression,
      format: mt.format,
      path,
      diffId: null,
      annotations,
      entriesRelativeToPath: false,
    };
  });
}

/** Turns a verified manifest (and its config blob) into what the ModelKit page shows. Never throws on bad content. */
export function buildModelKitView(input: BuildModelKitViewInput): ModelKitView {
  const { manifestDigest, manifest, contentType, configBytes } = input;
  const warnings: string[] = [];
  const format = classifyManifest(manifest, contentType);
  const annotations: Annotations = { ...(manifest.annotations ?? {}) };
  const layers = buildLayers(manifest, format, warnings);
  const isKitFamily = format === "kit" || format === "kit-legacy";

  let kitfile: Kitfile | null = null;
  let kitfileSource: ModelKitView["kitfileSource"] = null;
  let modelPackConfig: ModelPackConfig | null = null;

  if (isKitFamily) {
    if (!configBytes) {
      warnings.push("the config blob (Kitfile) was not available");
    } else {
      try {
        const parsed = parseKitfile(configBytes, "json");
        kitfile = parsed.kitfile;
        kitfileSource = "config";
        warnings.push(...parsed.warnings);
      } catch (e) {
        warnings.push(`the config blob is not a readable Kitfile: ${errorMessage(e)}`);
      }
    }
  } else if (format === "modelpack") {
    if (manifest.config.mediaType === "application/vnd.cnai.model.config.v1+json" || layers.some((l) => parseLayerMediaType(l.mediaType).family === "cnai")) {
      warnings.push("legacy CNAI media types (before the CNCF ModelPack rename)");
    }
    modelPackConfig = readModelPackConfig(configBytes, warnings);
    modelPackConfig?.diffIds.forEach((diffId, i) => {
      const layer = layers[i];
      if (layer) layer.diffId = diffId;
    });
    if (modelPackConfig && modelPackConfig.diffIds.length !== layers.length) {
      warnings.push(`ModelPack config lists ${modelPackConfig.diffIds.length} diffIds for ${layers.length} layers`);
    }
    const annotated = annotations[ANNOTATION.kitfile];
    if (annotated) {
      try {
        const parsed = parseKitfile(annotated, "json");
        kitfile = parsed.kitfile;
        kitfileSource = "annotation";
        warnings.push(...parsed.warnings);
      } catch (e) {
        warnings.push(`the ${ANNOTATION.kitfile} annotation is not a readable Kitfile: ${errorMessage(e)}`);
      }
    }
    if (!kitfile) {
      kitfile = synthesiseKitfile(layers, modelPackConfig, warnings);
      kitfileSource = "synthesised";
    }
  }

  let entries: KitEntry[] = [];
  let parent: ParentReference | null = null;
  // Kits packed before per-entry LayerInfo are the older layout (position matching, relative tar paths):
  // badge them kit-legacy like the jozu-era media types, so a reader knows why paths and matching differ.
  let olderLayout = false;
  if (kitfile && (isKitFamily || format === "modelpack")) {
    const collected = collectEntries(kitfile);
    parent = collected.parent;
    const pending = collected.pending;
    const local = pending.filter((p) => !p.entry.external);
    const hasLayerInfo = local.some((p) => p.digest);
    if (isKitFamily && local.length > 0 && !hasLayerInfo) {
      warnings.push("older kit: layers matched by position");
      olderLayout = true;
    } else if (local.some((p) => p.digest) && local.some((p) => !p.digest)) {
      warnings.push("the Kitfile records layer digests for only some entries; the rest are matched by path or position");
    }
    const byLayer = matchLayers(layers, pending);
    for (const layer of layers) {
      const p = byLayer.get(layer.index);
      if (!p) {
        if (layer.kind !== "unknown") warnings.push(`layer ${layer.index} (${layer.kind}, ${shortDigest(layer.digest)}) has no Kitfile entry`);
        continue;
      }
      if (p.group === "model") layer.kind = p.entry.section === "parts" ? "modelpart" : "model";
      layer.path = p.entry.path;
      if (p.diffId) layer.diffId = p.diffId;
      layer.entriesRelativeToPath = isKitFamily && layer.format === "tar" && !p.digest;
    }
    for (const p of local) {
      if (p.entry.layerDigest) continue;
      warnings.push(
        p.digest
          ? `${entryLabel(p.entry)} names layer ${shortDigest(p.digest)}, which is not in the manifest`
          : `${entryLabel(p.entry)} has no layer in the manifest`,
      );
    }
    entries = pending.map((p) => p.entry);
  }

  // An uncompressed layer's diffId is its digest (image-spec config.md), when nothing better is known.
  for (const layer of layers) {
    if (layer.diffId === null && layer.compression === "none" && layer.kind !== "unknown") layer.diffId = layer.digest;
  }

  const header = contentType?.split(";")[0]?.trim() || null;
  return {
    format: olderLayout ? "kit-legacy" : format,
    manifestDigest,
    mediaType: manifest.mediaType ?? header,
    artifactType: manifest.artifactType ?? null,
    config: manifest.config,
    kitfile,
    kitfileSource,
    layers,
    entries,
    parent,
    annotations,
    cliVersion: annotations[ANNOTATION.cliVersion] ?? null,
    created: annotations[ANNOTATION.created] ?? modelPackConfig?.createdAt ?? null,
    totalSize: layers.reduce((sum, l) => sum + l.size, 0),
    indexEntries: [],
    warnings,
  };
}
