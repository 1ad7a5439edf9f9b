// Packs a ModelKit in memory exactly as a given kit version lays it out (reference/modelkit-format.md §2–§4,
// and the kit sources at each tag), so demo data and test fixtures are byte for byte what real registries
// hold. Pure apart from zstd initialisation.
import { createHash } from "node:crypto";
import { kitfileToJson } from "@/lib/modelkit/kitfile-to-json";
import { isModelKitReference as kitIsModelKitReference } from "@/lib/modelkit/parse-model-kit-reference";
import type { Compression, Kitfile } from "@/lib/modelkit/types";
import { MT } from "@/lib/oci/media-types";
import { gzipLikeGo, zstdCompress } from "./compress";
import { createGoTar, type TarEntry } from "./go-tar";

/**
 * Which kit wrote the ModelKit:
 * - `kit`: current kit (≥ v1.10): artifactType + mediaType, `org.cncf.model.filepath` on every layer,
 *   `org.opencontainers.image.created`, prompts as code layers with a subtype, MCP bundles as raw layers
 * - `modelpack`: current kit with `--use-model-pack` (CNCF media types, ModelPack config, the Kitfile in
 *   the `ml.kitops.modelkit.kitfile` annotation unless `kitfileAnnotation: false`, as other tools write it)
 * - `kit-v1.7`: no artifactType/mediaType, no layer annotations, per-entry digests in the config
 * - `kit-v0.2.5`: kit v0.2.x–v0.4: no per-entry digests, tar entries relative to the *parent* of each
 *   Kitfile path (pkg/lib/storage/layer.go at v0.2.5), uid 0, no docs layers, the v0.2 Kitfile struct
 *   (model.training/validation, datasets[].preprocessing); `kit-legacy` is the same layout, gzip by default
 *   as kit v0.1–v0.2.3 wrote it
 */
export type PackStyle = "kit" | "kit-v1.7" | "kit-v0.2.5" | "kit-legacy" | "modelpack";

export interface PackOptions {
  kitfile: Kitfile;
  /** context-relative path → content */
  files: Record<string, string | Uint8Array>;
  style: PackStyle;
  compression?: Compression;
  /** `ml.kitops.modelkit.cli-version`; kit embeds its own version, which is why Kit manifests are not reproducible across versions */
  cliVersion?: string;
  /** `org.opencontainers.image.created` / ModelPack `createdAt` (fixed here so output is deterministic) */
  createdAt?: string;
  /** modelpack: set false for a ModelPack produced by a tool that does not embed the Kitfile */
  kitfileAnnotation?: boolean;
  /** modelpack: store the model weight as a raw layer (`--layer-format raw` for a single-file model) */
  rawModel?: boolean;
  /** permission bits per file path (default 0644; directories 0755) */
  modes?: Record<string, number>;
  /**
   * modelpack: descriptor/config fields beyond what kit fills from the Kitfile (vendor, family,
   * capabilities…), as another ModelPack tool or a later edit would write them; values are taken as given,
   * so a fixture can also break model-spec's schema on purpose
   */
  modelCard?: { descriptor?: Record<string, unknown>; config?: Record<string, unknown> };
}

export interface PackedLayer {
  kind: "model" | "modelpart" | "code" | "prompt" | "dataset" | "docs" | "mcpb";
  path: string;
  mediaType: string;
  digest: string;
  size: number;
  diffId: string;
  annotations?: Record<string, string>;
  bytes: Uint8Array;
}

export interface PackedModelKit {
  manifest: Uint8Array;
  manifestDigest: string;
  /** the media type to store/push the manifest with (the JSON itself may omit it) */
  mediaType: string;
  config: { mediaType: string; digest: string; size: number; bytes: Uint8Array };
  layers: PackedLayer[];
  /** the Kitfile as recorded (with digests where the style has them) */
  kitfile: Kitfile;
}

export const sha256 = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const enc = new TextEncoder();
const toBytes = (c: string | Uint8Array) => (typeof c === "string" ? enc.encode(c) : c);
/** Go filepath.Clean for the relative paths Kitfiles use. */
const clean = (p: string) => {
  const out: string[] = [];
  for (const seg of p.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === ".." && out.length && out[out.length - 1] !== "..") out.pop();
    else out.push(seg);
  }
  return out.length ? out.join("/") : ".";
};

/** kit's IsModelKitReference (pkg/artifact/util.go). */
export const isModelKitReference = kitIsModelKitReference;

const KIT_BASE = { model: "model", modelpart: "modelpart", code: "code", prompt: "code", dataset: "dataset", docs: "docs", mcpb: "mcpb" } as const;
const MP_BASE = { model: "weight", modelpart: "weight.config", code: "code", prompt: "code", dataset: "dataset", docs: "doc", mcpb: "mcpb" } as const;
const DEFAULT_CREATED = "2026-01-15T10:00:00Z";

type Slot = { kind: PackedLayer["kind"]; path: string; entry: { digest?: string; diffId?: string } };

/** Layers in the order each kit version packs them (local-storage.go saveKitfileLayers). */
function slotsFor(kf: Kitfile, style: PackStyle): Slot[] {
  const slots: Slot[] = [];
  if (kf.model?.path && !isModelKitReference(kf.model.path)) slots.push({ kind: "model", path: kf.model.path, entry: kf.model });
  for (const p of kf.model?.parts ?? []) if (p.path) slots.push({ kind: "modelpart", path: p.path, entry: p });
  for (const c of kf.code ?? []) if (c.path) slots.push({ kind: "code", path: c.path, entry: c });
  for (const d of kf.datasets ?? []) if (d.path && !d.remotePath) slots.push({ kind: "dataset", path: d.path, entry: d });
  const old = style === "kit-v0.2.5" || style === "kit-legacy";
  if (old) {
    if (kf.docs?.length || kf.prompts?.length || kf.mcpServers?.length) throw new TypeError("kit v0.2 has no docs, prompts or mcpServers");
    return slots;
  }
  for (const d of kf.docs ?? []) if (d.path) slots.push({ kind: "docs", path: d.path, entry: d });
  if (style === "kit-v1.7") {
    if (kf.prompts?.length || kf.mcpServers?.length) throw new TypeError("kit v1.7 has no prompts or mcpServers");
    return slots;
  }
  for (const p of kf.prompts ?? []) if (p.path) slots.push({ kind: "prompt", path: p.path, entry: p });
  if (kf.mcpServers?.length && style === "modelpack") throw new TypeError("kit refuses mcpServers when packing a ModelPack");
  for (const m of kf.mcpServers ?? []) if (m.path) slots.push({ kind: "mcpb", path: m.path, entry: m });
  return slots;
}

export async function packModelKit(opts: PackOptions): Promise<PackedModelKit> {
  const style = opts.style;
  const old = style === "kit-v0.2.5" || style === "kit-legacy";
  const compression: Compression = opts.compression ?? (style === "kit-legacy" ? "gzip" : "none");
  if (compression === "zstd" && (old || style === "kit-v1.7")) throw new TypeError(`${style} cannot write zstd layers`);
  const files = new Map(Object.entries(opts.files).map(([p, c]) => [clean(p), toBytes(c)]));
  const kf = structuredClone(opts.kitfile);
  const createdAt = opts.createdAt ?? DEFAULT_CREATED;

  const slots = slotsFor(kf, style);
  const layerPaths = slots.map((s) => clean(s.path));
  const layers: PackedLayer[] = [];
  for (const slot of slots) {
    const layerPath = clean(slot.path);
    const raw = slot.kind === "mcpb" || (style === "modelpack" && slot.kind === "model" && opts.rawModel === true);
    let uncompressed: Uint8Array;
    let annotations: Record<string, string> | undefined;
    if (raw) {
      const content = files.get(layerPath);
      if (!content) throw new TypeError(`raw layer path must be one file: ${layerPath}`);
      uncompressed = content;
      // fillDescAnnotations: Go's FileMetadata JSON (name, mode perm bits, uid/gid 0, size, mtime, typeflag).
      annotations = {
        "org.cncf.model.file.metadata+json": JSON.stringify({
          name: layerPath.split("/").pop(),
          mode: opts.modes?.[layerPath] ?? 0o644,
          uid: 0,
          gid: 0,
          size: content.length,
          mtime: createdAt,
          typeflag: 0,
        }),
      };
    } else {
      uncompressed = createGoTar(old ? legacyTarEntries(files, layerPath, layerPaths, opts.modes ?? {}) : tarEntries(files, layerPath, layerPaths, opts.modes ?? {}));
    }
    if (style === "kit" || style === "modelpack") annotations = { ...annotations, "org.cncf.model.filepath": layerPath };
    if (slot.kind === "prompt") annotations = { ...annotations, "ml.kitops.modelkit.layer-subtype": "prompt" };
    const comp = slot.kind === "mcpb" || (raw && style === "modelpack") ? "none" : compression;
    const bytes = comp === "gzip" ? gzipLikeGo(uncompressed) : comp === "zstd" ? await zstdCompress(uncompressed) : uncompressed;
    const suffix = `${raw ? "raw" : "tar"}${comp === "none" ? "" : `+${comp}`}`;
    const mediaType =
      style === "modelpack"
        ? `application/vnd.cncf.model.${MP_BASE[slot.kind]}.v1.${suffix}`
        : `application/vnd.kitops.modelkit.${KIT_BASE[slot.kind]}.v1.${suffix}`;
    const digest = sha256(bytes);
    const diffId = comp === "none" ? digest : sha256(uncompressed);
    if (!old) {
      slot.entry.digest = digest;
      slot.entry.diffId = diffId;
    }
    layers.push({
      kind: slot.kind,
      path: layerPath,
      mediaType,
      digest,
      size: bytes.length,
      diffId,
      ...(annotations ? { annotations: sortKeys(annotations) } : {}),
      bytes,
    });
  }

  const kitfileJson = old ? kitfileToJsonV025(kf) : kitfileToJson(kf);
  let configBytes: Uint8Array;
  let configMediaType: string;
  if (style === "modelpack") {
    configMediaType = MT.modelPackConfig;
    configBytes = enc.encode(JSON.stringify(modelPackConfig(kf, layers.map((l) => l.diffId), createdAt, opts.modelCard)));
  } else {
    configMediaType = MT.kitConfig;
    configBytes = enc.encode(kitfileJson);
  }
  const config = { mediaType: configMediaType, digest: sha256(configBytes), size: configBytes.length, bytes: configBytes };

  const manifestAnnotations: Record<string, string> = { "ml.kitops.modelkit.cli-version": opts.cliVersion ?? defaultCliVersion(style) };
  if (style === "kit" || style === "modelpack") manifestAnnotations["org.opencontainers.image.created"] = createdAt;
  if (style === "modelpack" && opts.kitfileAnnotation !== false) manifestAnnotations["ml.kitops.modelkit.kitfile"] = kitfileJson;
  // Go's json.Marshal of ocispec.Manifest: schemaVersion, mediaType, artifactType, config, layers, annotations.
  const manifestObject = {
    schemaVersion: 2,
    ...(style === "kit" || style === "modelpack" ? { mediaType: MT.ociManifest } : {}),
    ...(style === "kit" ? { artifactType: MT.kitManifestArtifact } : {}),
    ...(style === "modelpack" ? { artifactType: MT.modelPackManifestArtifact } : {}),
    config: { mediaType: config.mediaType, digest: config.digest, size: config.size },
    layers: layers.map((l) => ({
      mediaType: l.mediaType,
      digest: l.digest,
      size: l.size,
      ...(l.annotations ? { annotations: l.annotations } : {}),
    })),
    annotations: sortKeys(manifestAnnotations),
  };
  const manifest = enc.encode(JSON.stringify(manifestObject));
  return { manifest, manifestDigest: sha256(manifest), mediaType: MT.ociManifest, config, layers, kitfile: kf };
}

function defaultCliVersion(style: PackStyle): string {
  if (style === "kit-v0.2.5" || style === "kit-legacy") return "0.2.5-29dbdc4";
  if (style === "kit-v1.7") return "1.7.0-a041892";
  return "1.11.0-demo";
}

/**
 * `KitFile.ToModelPackConfig` marshalled by Go: `{descriptor, modelfs, config}` (model-spec's Model struct
 * order), descriptor fields in ModelDescriptor order, licenses sorted and unique, `config` always present.
 */
function modelPackConfig(kf: Kitfile, diffIds: string[], createdAt: string, extra: PackOptions["modelCard"] = {}): unknown {
  const licenses = [
    ...new Set(
      [kf.package?.license, kf.model?.license, ...(kf.model?.parts ?? []).map((p) => p.license), ...(kf.datasets ?? []).map((d) => d.license), ...(kf.code ?? []).map((c) => c.license)].filter(
        (l): l is string => !!l,
      ),
    ),
  ].sort();
  const descriptor: Record<string, unknown> = {
    createdAt,
    authors: kf.package?.authors?.length ? kf.package.authors : undefined,
    name: kf.package?.name || undefined,
    version: kf.package?.version || undefined,
    licenses: licenses.length ? licenses : undefined,
    title: kf.package?.name || undefined,
    description: kf.package?.description || undefined,
    ...extra.descriptor,
  };
  const config: Record<string, unknown> = { format: kf.model?.format || undefined, ...extra.config };
  return {
    descriptor: inOrder(descriptor, DESCRIPTOR_ORDER),
    modelfs: { type: "layers", diffIds },
    config: inOrder(config, CONFIG_ORDER),
  };
}

/** Go struct field order of model-spec's ModelDescriptor and ModelConfig (specs-go/v1/config.go). */
const DESCRIPTOR_ORDER = ["createdAt", "authors", "family", "name", "docURL", "sourceURL", "datasetsURL", "version", "revision", "vendor", "licenses", "title", "description"];
const CONFIG_ORDER = ["architecture", "format", "paramSize", "precision", "quantization", "capabilities"];

function inOrder(o: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of [...order, ...Object.keys(o).filter((k) => !order.includes(k))]) if (o[k] !== undefined) out[k] = o[k];
  return out;
}

/**
 * kit's layer path exclusion (pkg/lib/filesystem/ignore.go): a path that starts with another layer's
 * cleaned path belongs to that layer, unless that path is a prefix of this layer's own path. A plain
 * string prefix, as kit does it (so `data` also claims `data2/…`).
 */
function ownedElsewhere(p: string, layerPath: string, allLayerPaths: string[]): boolean {
  return allLayerPaths.some((o) => o !== layerPath && !layerPath.startsWith(o) && p.startsWith(o));
}

const under = (p: string, dir: string) => dir === "." || p === dir || p.startsWith(`${dir}/`);

/** Files and the directories holding them, as a tree for a Go filepath.Walk-ordered traversal. */
function walkOrder(paths: string[]): { order: string[]; dirs: Set<string> } {
  const dirs = new Set<string>();
  for (const f of paths) {
    const parts = f.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  const children = new Map<string, string[]>();
  for (const p of [...dirs, ...paths]) {
    const parent = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(p);
  }
  const order: string[] = [];
  const walk = (dir: string) => {
    // filepath.Walk reads each directory sorted by name
    for (const p of (children.get(dir) ?? []).sort()) {
      order.push(p);
      if (dirs.has(p)) walk(p);
    }
  };
  walk("");
  return { order, dirs };
}

/**
 * Entries of one layer as kit ≥ v0.5 writes them: kit walks the context ("."), so names are relative to
 * it, every ancestor directory of the layer path gets an entry, then the path and its subtree depth-first.
 */
function tarEntries(files: Map<string, Uint8Array>, layerPath: string, allLayerPaths: string[], modes: Record<string, number>): TarEntry[] {
  const inLayer = [...files.keys()].filter((p) => under(p, layerPath) && !ownedElsewhere(p, layerPath, allLayerPaths));
  if (inLayer.length === 0) throw new TypeError(`no files for layer path ${layerPath}`);
  const { order, dirs } = walkOrder(inLayer);
  return order
    .filter((p) => under(p, layerPath) || under(layerPath, p))
    .map((p) =>
      dirs.has(p)
        ? { name: p, type: "dir" as const, mode: modes[p] ?? 0o755 }
        : { name: p, type: "file" as const, mode: modes[p] ?? 0o644, content: files.get(p)! },
    );
}

/**
 * Entries as kit v0.2.x–v0.4 wrote them (pkg/lib/storage/layer.go at v0.2.5): a file under its base
 * name; a directory walked from itself with names relative to its *parent* (`data/train` → `train`,
 * `train/part-0.csv`); no ancestor entries; headers with uid 0, gid 0.
 */
function legacyTarEntries(files: Map<string, Uint8Array>, layerPath: string, allLayerPaths: string[], modes: Record<string, number>): TarEntry[] {
  const single = files.get(layerPath);
  if (single) return [{ name: layerPath.split("/").pop()!, type: "file", mode: modes[layerPath] ?? 0o644, content: single, uid: 0 }];
  const inLayer = [...files.keys()].filter((p) => under(p, layerPath) && !ownedElsewhere(p, layerPath, allLayerPaths));
  if (inLayer.length === 0) throw new TypeError(`no files for layer path ${layerPath}`);
  const parent = layerPath === "." || !layerPath.includes("/") ? "" : layerPath.slice(0, layerPath.lastIndexOf("/"));
  const strip = (p: string) => (parent === "" ? p : p.slice(parent.length + 1));
  const { order, dirs } = walkOrder(inLayer);
  // filepath.Walk(basePath) visits basePath itself first (skipped only when it is ".")
  return order
    .filter((p) => under(p, layerPath))
    .map((p) =>
      dirs.has(p)
        ? { name: strip(p), type: "dir" as const, mode: modes[p] ?? 0o755, uid: 0 }
        : { name: strip(p), type: "file" as const, mode: modes[p] ?? 0o644, content: files.get(p)!, uid: 0 },
    );
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `json.Marshal(KitFile)`: compact, Go struct field order, `package` always present. */
export const serializeKitfile = kitfileToJson;

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortDeep(o[k])]));
  }
  return v;
}

/** Drops `omitempty` zero values. */
function pick(o: object, keys: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k of keys) {
    const v = (o as Record<string, unknown>)[k];
    if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) continue;
    out[k] = v;
  }
  return out;
}

/** The v0.2.5 Kitfile struct (pkg/artifact/kit-file.go at v0.2.5) as Go marshals it: its own field order. */
function kitfileToJsonV025(kf: Kitfile): string {
  const obj: Record<string, unknown> = {
    manifestVersion: kf.manifestVersion ?? "",
    package: pick(kf.package ?? {}, ["name", "version", "description", "license", "authors"]),
  };
  if (kf.model) {
    const model = pick(kf.model, ["name", "path", "framework", "version", "description", "license"]);
    // map[string]interface{} in Go: keys sorted when marshalled
    if (kf.model.training) model.training = sortDeep(pick(kf.model.training, ["dataset", "parameters"]));
    if (kf.model.validation) model.validation = sortDeep(pick(kf.model.validation, ["dataset", "metrics"]));
    if (kf.model.parts?.length) model.parts = kf.model.parts.map((p) => pick(p, ["name", "path", "type"]));
    obj.model = model;
  }
  if (kf.code?.length) obj.code = kf.code.map((c) => pick(c, ["path", "license", "description"]));
  if (kf.datasets?.length) obj.datasets = kf.datasets.map((d) => pick(d, ["name", "path", "description", "license", "preprocessing"]));
  return JSON.stringify(obj);
}
