import { isAppError } from "@/lib/errors";
import type { Annotations, ImageManifest } from "@/lib/oci/types";
import { classifyManifest } from "./classify-manifest";
import { ANNOTATION, LAYER_SUBTYPE_PROMPT, MAX_CONFIG_BYTES } from "./constants";
import { decodeJson } from "./decode-json";
import { parseKitfile } from "./parse-kitfile";
import { generateKitfileForModelPack } from "./generate-kitfile-for-model-pack";
import { parseLayerMediaType } from "./parse-layer-media-type";
import { isModelKitReference, parseModelKitReference } from "./parse-model-kit-reference";
import { isRfc3339 } from "./is-rfc3339";
import { readModelCard } from "./read-model-card";
import { goCleanPath, validateKitfile } from "./validate-kitfile";
import type {
  ArtifactFormat,
  EntrySection,
  KitEntry,
  KitLayer,
  KitValidationIssue,
  Kitfile,
  LayerKind,
  ModelCard,
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

/** A hostile config can produce one warning per entry; a page shows the first ones and counts the rest. */
const MAX_WARNINGS = 200;

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

/** Kitfile paths as kit compares them: forward slashes, Go path.Clean ("./src/" → "src", "" → "."). */
function cleanPath(path: string): string {
  return goCleanPath(path.trim().replace(/\\/g, "/"));
}

function errorMessage(e: unknown): string {
  return isAppError(e) || e instanceof Error ? e.message : String(e);
}

function readModelPackCard(bytes: Uint8Array | null, warnings: string[]): ModelCard | null {
  if (!bytes) return null;
  try {
    const card = readModelCard(decodeJson(bytes, "ModelPack config", MAX_CONFIG_BYTES));
    if (!card) warnings.push("ModelPack config is not a JSON object; its fields are ignored");
    return card;
  } catch (e) {
    warnings.push(`ModelPack config could not be read: ${errorMessage(e)}`);
    return null;
  }
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
      parent = { reference: path, registry: ref.registry, repository: ref.repository, tag: ref.tag, digest: ref.digest };
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

  // Queues of unmatched layers per key, in manifest order: each entry takes the first one left. Indexed,
  // because a hostile config may list 100k entries against 10k layers (no entries × layers scan).
  const queues = (keyOf: (l: KitLayer) => string | null) => {
    const map = new Map<string, KitLayer[]>();
    for (const l of layers) {
      const k = keyOf(l);
      if (k === null) continue;
      const q = map.get(k);
      if (q) q.push(l);
      else map.set(k, [l]);
    }
    return (key: string) => {
      const q = map.get(key);
      while (q && q.length > 0) {
        const l = q.shift()!;
        if (!matched.has(l.index)) return l;
      }
      return undefined;
    };
  };
  const byDigest = queues((l) => l.digest);
  const byPath = queues((l) => (l.path === null || GROUP_OF_LAYER[l.kind] === null ? null : `${GROUP_OF_LAYER[l.kind]}\u0000${cleanPath(l.path)}`));
  const byGroup = queues((l) => (l.path !== null || GROUP_OF_LAYER[l.kind] === null ? null : GROUP_OF_LAYER[l.kind]!));

  for (const p of local) {
    if (!p.digest) continue;
    const layer = byDigest(p.digest);
    if (layer) claim(p, layer);
  }
  for (const p of local) {
    if (p.digest || p.entry.layerDigest) continue;
    const layer = byPath(`${p.group}\u0000${p.entry.path}`);
    if (layer) claim(p, layer);
  }
  for (const p of local) {
    if (p.digest || p.entry.layerDigest) continue;
    const layer = byGroup(p.group);
    if (layer) claim(p, layer);
  }
  return byLayer;
}

function buildLayers(manifest: ImageManifest, format: ArtifactFormat, warnings: string[], rejections: KitValidationIssue[]): KitLayer[] {
  const modelKitShaped = format === "kit" || format === "kit-legacy" || format === "modelpack";
  return manifest.layers.map((desc, index) => {
    const annotations: Annotations = { ...(desc.annotations ?? {}) };
    const mt = parseLayerMediaType(desc.mediaType);
    let kind = mt.kind;
    if (kind === "code" && annotations[ANNOTATION.layerSubtype] === LAYER_SUBTYPE_PROMPT) kind = "prompt";
    if (modelKitShaped && mt.family === null) {
      warnings.push(`layer ${index} has an unknown media type ${JSON.stringify(desc.mediaType)}`);
    }
    if (modelKitShaped && mt.problem) {
      rejections.push({ rule: "layer-media-type", field: `layers[${index}].mediaType`, message: `layer ${index} media type ${JSON.stringify(desc.mediaType)}: ${mt.problem}` });
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
      entryRoot: null,
    };
  });
}

/** Turns a verified manifest (and its config blob) into what the ModelKit page shows. Never throws on bad content. */
export function buildModelKitView(input: BuildModelKitViewInput): ModelKitView {
  const { manifestDigest, manifest, contentType, configBytes } = input;
  const warnings: string[] = [];
  const format = classifyManifest(manifest, contentType);
  const annotations: Annotations = { ...(manifest.annotations ?? {}) };
  const kitRejections: KitValidationIssue[] = [];
  const layers = buildLayers(manifest, format, warnings, kitRejections);
  const isKitFamily = format === "kit" || format === "kit-legacy";

  let kitfile: Kitfile | null = null;
  let kitfileSource: ModelKitView["kitfileSource"] = null;
  let modelCard: ModelCard | null = null;

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
    modelCard = readModelPackCard(configBytes, warnings);
    if (modelCard && modelCard.schemaIssues.length > 0) {
      warnings.push(`ModelPack config does not follow the model-spec schema (${modelCard.schemaIssues.length} ${modelCard.schemaIssues.length === 1 ? "problem" : "problems"}, see the model card)`);
    }
    modelCard?.diffIds.forEach((diffId, i) => {
      const layer = layers[i];
      if (layer) layer.diffId = diffId;
    });
    if (modelCard && modelCard.diffIds.length !== layers.length) {
      warnings.push(`ModelPack config lists ${modelCard.diffIds.length} diffIds for ${layers.length} layers`);
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
      // No Kitfile recorded: build the one kit builds (GenerateKitfileForModelPack) and keep its complaints.
      const generated = generateKitfileForModelPack(manifest.layers, modelCard ? modelCard.diffIds : null);
      kitfile = generated.kitfile;
      kitfileSource = "synthesised";
      const known = new Set(kitRejections.map((r) => r.field));
      kitRejections.push(...generated.problems.filter((p) => !known.has(p.field)));
    }
  } else if (format === "artifact") {
    const families = new Set(manifest.layers.map((l) => parseLayerMediaType(l.mediaType).family));
    if (families.has("kit") || families.has("modelpack") || families.has("cnai") || families.has("jozu")) {
      warnings.push(
        `layers use ModelKit media types, but neither the artifactType nor the config media type (${JSON.stringify(manifest.config.mediaType)}) names a ModelKit or ModelPack: kit does not read it as one`,
      );
    }
  }

  if (kitfile && kitfileSource !== "synthesised") kitRejections.unshift(...validateKitfile(kitfile));

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
      // kit v0.1–v0.4 (no per-entry digests) named tar entries relative to the parent of the Kitfile
      // path and `kit unpack` extracted them there (pkg/lib/storage/layer.go, pkg/cmd/unpack at v0.2.x).
      if (isKitFamily && layer.format === "tar" && !p.digest) layer.entryRoot = parentDirectory(p.entry.path);
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

  if (warnings.length > MAX_WARNINGS) {
    const rest = warnings.length - MAX_WARNINGS;
    warnings.length = MAX_WARNINGS;
    warnings.push(`and ${rest} more warnings`);
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
    created: createdTime(annotations[ANNOTATION.created], modelCard),
    totalSize: layers.reduce((sum, l) => sum + l.size, 0),
    indexEntries: [],
    modelCard,
    kitRejections,
    warnings,
  };
}

/** Directory that holds a cleaned Kitfile path: `data/train` → `data`, `model.joblib` → `.`. */
function parentDirectory(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash <= 0 ? "." : path.slice(0, slash);
}

/**
 * When the kit was packed: the manifest's `org.opencontainers.image.created`, else the ModelPack
 * `createdAt` — only when it is an RFC 3339 date-time, as model-spec requires; a malformed value is
 * reported by the schema check and shown as text on the model card, never as a date.
 */
function createdTime(annotation: string | undefined, card: ModelCard | null): string | null {
  if (annotation !== undefined) return isRfc3339(annotation) ? annotation : null;
  const createdAt = card?.descriptor.createdAt;
  return createdAt !== undefined && card?.descriptor.createdAtValid ? createdAt : null;
}
