// Packs a ModelKit in memory exactly as `kit pack` lays it out (reference/modelkit-format.md §2–§4), so
// demo data and test fixtures look like what real registries hold. Pure apart from zstd initialisation.
import { createHash } from "node:crypto";
import type { Kitfile } from "@/lib/modelkit/types";
import type { Compression } from "@/lib/modelkit/types";
import { kitfileToJson } from "@/lib/modelkit/kitfile-to-json";
import { MT } from "@/lib/oci/media-types";
import { gzipLikeGo, zstdCompress } from "./compress";
import { createGoTar, type TarEntry } from "./go-tar";

/**
 * - `kit`: newer kit (artifactType, `org.cncf.model.filepath` on every layer, prompts as code + subtype)
 * - `kit-v1.7`: no artifactType, no layer annotations, per-entry digests in the config
 * - `kit-legacy`: no per-entry digests, tar entries relative to the layer path, gzip by default
 * - `modelpack`: CNCF media types, raw weight layer, Kitfile in the `ml.kitops.modelkit.kitfile` annotation
 */
export type PackStyle = "kit" | "kit-v1.7" | "kit-legacy" | "modelpack";

export interface PackOptions {
  kitfile: Kitfile;
  /** context-relative path → content */
  files: Record<string, string | Uint8Array>;
  style: PackStyle;
  compression?: Compression;
  /** `ml.kitops.modelkit.cli-version`; kit embeds its own version, which is why Kit manifests are not reproducible across versions */
  cliVersion?: string;
  /** modelpack: descriptor.createdAt / org.opencontainers.image.created (fixed here so output is deterministic) */
  createdAt?: string;
  /** modelpack: set false for a ModelPack produced by a tool that does not embed the Kitfile */
  kitfileAnnotation?: boolean;
  /** permission bits per file path (default 0644; directories 0755) */
  modes?: Record<string, number>;
}

export interface PackedLayer {
  kind: "model" | "modelpart" | "code" | "prompt" | "dataset" | "docs";
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
const clean = (p: string) => p.replace(/^\.\//, "").replace(/\/+$/, "");

/** kit's IsModelKitReference, simplified: a reference has a tag or digest separator. */
export const isModelKitReference = (p: string) => /[:@]/.test(p);

const KIT_BASE = { model: "model", modelpart: "modelpart", code: "code", prompt: "code", dataset: "dataset", docs: "docs" } as const;
const MP_BASE = { model: "weight", modelpart: "weight.config", code: "code", prompt: "code", dataset: "dataset", docs: "doc" } as const;

export async function packModelKit(opts: PackOptions): Promise<PackedModelKit> {
  const style = opts.style;
  const compression: Compression = opts.compression ?? (style === "kit-legacy" ? "gzip" : "none");
  const files = new Map(Object.entries(opts.files).map(([p, c]) => [clean(p), toBytes(c)]));
  const kf = structuredClone(opts.kitfile);

  type Slot = { kind: PackedLayer["kind"]; path: string; entry: { digest?: string; diffId?: string } };
  const slots: Slot[] = [];
  if (kf.model?.path && !isModelKitReference(kf.model.path)) slots.push({ kind: "model", path: kf.model.path, entry: kf.model });
  for (const p of kf.model?.parts ?? []) if (p.path) slots.push({ kind: "modelpart", path: p.path, entry: p });
  for (const c of kf.code ?? []) if (c.path) slots.push({ kind: "code", path: c.path, entry: c });
  for (const p of kf.prompts ?? []) if (p.path) slots.push({ kind: "prompt", path: p.path, entry: p });
  for (const d of kf.datasets ?? []) if (d.path && !d.remotePath) slots.push({ kind: "dataset", path: d.path, entry: d });
  for (const d of kf.docs ?? []) if (d.path) slots.push({ kind: "docs", path: d.path, entry: d });
  const layerPaths = slots.map((s) => clean(s.path));

  const layers: PackedLayer[] = [];
  for (const slot of slots) {
    const layerPath = clean(slot.path);
    const raw = style === "modelpack" && slot.kind === "model";
    let uncompressed: Uint8Array;
    let annotations: Record<string, string> | undefined;
    if (raw) {
      const content = files.get(layerPath);
      if (!content) throw new TypeError(`raw layer path must be one file: ${layerPath}`);
      uncompressed = content;
      annotations = {
        "org.cncf.model.file.metadata+json": JSON.stringify({
          name: layerPath.split("/").pop(),
          mode: opts.modes?.[layerPath] ?? 0o644,
          uid: 0,
          gid: 0,
          size: content.length,
          mtime: opts.createdAt ?? "2026-01-15T10:00:00Z",
          typeflag: 48,
        }),
      };
    } else {
      uncompressed = createGoTar(tarEntries(files, layerPath, layerPaths, style === "kit-legacy", opts.modes ?? {}));
    }
    if (style === "kit" || style === "modelpack") annotations = { ...annotations, "org.cncf.model.filepath": layerPath };
    if (slot.kind === "prompt" && style !== "kit-legacy" && style !== "kit-v1.7") {
      annotations = { ...annotations, "ml.kitops.modelkit.layer-subtype": "prompt" };
    }
    const comp = raw ? "none" : compression;
    const bytes = comp === "gzip" ? gzipLikeGo(uncompressed) : comp === "zstd" ? await zstdCompress(uncompressed) : uncompressed;
    const suffix = `${raw ? "raw" : "tar"}${comp === "none" ? "" : `+${comp}`}`;
    const mediaType =
      style === "modelpack"
        ? `application/vnd.cncf.model.${MP_BASE[slot.kind]}.v1.${suffix}`
        : `application/vnd.kitops.modelkit.${KIT_BASE[slot.kind]}.v1.${suffix}`;
    const digest = sha256(bytes);
    const diffId = comp === "none" ? digest : sha256(uncompressed);
    if (style !== "kit-legacy") {
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

  const kitfileJson = serializeKitfile(kf);
  let configBytes: Uint8Array;
  let configMediaType: string;
  if (style === "modelpack") {
    configMediaType = MT.modelPackConfig;
    const licenses = [
      ...new Set(
        [kf.package?.license, kf.model?.license, ...(kf.model?.parts ?? []).map((p) => p.license), ...(kf.datasets ?? []).map((d) => d.license), ...(kf.code ?? []).map((c) => c.license)].filter(
          (l): l is string => !!l,
        ),
      ),
    ].sort();
    configBytes = enc.encode(
      JSON.stringify({
        descriptor: {
          createdAt: opts.createdAt ?? "2026-01-15T10:00:00Z",
          ...(kf.package?.authors?.length ? { authors: kf.package.authors } : {}),
          ...(kf.package?.name ? { name: kf.package.name } : {}),
          ...(kf.package?.version ? { version: kf.package.version } : {}),
          ...(kf.package?.name ? { title: kf.package.name } : {}),
          ...(kf.package?.description ? { description: kf.package.description } : {}),
          ...(licenses.length ? { licenses } : {}),
        },
        config: { ...(kf.model?.format ? { format: kf.model.format } : {}) },
        modelfs: { type: "layers", diffIds: layers.map((l) => l.diffId) },
      }),
    );
  } else {
    configMediaType = MT.kitConfig;
    configBytes = enc.encode(kitfileJson);
  }
  const config = { mediaType: configMediaType, digest: sha256(configBytes), size: configBytes.length, bytes: configBytes };

  const manifestAnnotations: Record<string, string> = { "ml.kitops.modelkit.cli-version": opts.cliVersion ?? "1.11.0-demo" };
  if (style === "modelpack") {
    manifestAnnotations["org.opencontainers.image.created"] = opts.createdAt ?? "2026-01-15T10:00:00Z";
    if (opts.kitfileAnnotation !== false) manifestAnnotations["ml.kitops.modelkit.kitfile"] = kitfileJson;
  }
  const manifestObject = {
    schemaVersion: 2,
    ...(style === "modelpack" ? { mediaType: MT.ociManifest } : {}),
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

/**
 * Entries of one layer in kit's walk order: every ancestor directory of the layer path, the path itself,
 * then its subtree depth-first with names sorted per directory (Go filepath.Walk). Paths inside another
 * layer's path are left to that layer. Legacy kits stored names relative to the layer path instead.
 */
function tarEntries(
  files: Map<string, Uint8Array>,
  layerPath: string,
  allLayerPaths: string[],
  legacy: boolean,
  modes: Record<string, number>,
): TarEntry[] {
  const under = (p: string, dir: string) => dir === "." || p === dir || p.startsWith(`${dir}/`);
  const others = allLayerPaths.filter((o) => o !== layerPath && !under(layerPath, o));
  const inLayer = [...files.keys()].filter((p) => under(p, layerPath) && !others.some((o) => under(p, o)));
  if (inLayer.length === 0) throw new TypeError(`no files for layer path ${layerPath}`);

  // directory set: every ancestor of every included file
  const dirs = new Set<string>();
  for (const f of inLayer) {
    const parts = f.split("/");
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join("/"));
  }
  const children = new Map<string, string[]>();
  for (const p of [...dirs, ...inLayer]) {
    const parent = p.includes("/") ? p.slice(0, p.lastIndexOf("/")) : "";
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent)!.push(p);
  }
  const out: TarEntry[] = [];
  const walk = (dir: string) => {
    for (const p of (children.get(dir) ?? []).sort()) {
      const isDir = dirs.has(p);
      // outside the layer path only ancestors of it are written
      if (!under(p, layerPath) && !under(layerPath, p)) continue;
      if (isDir) out.push({ name: p, type: "dir", mode: modes[p] ?? 0o755 });
      else out.push({ name: p, type: "file", mode: modes[p] ?? 0o644, content: files.get(p)! });
      if (isDir) walk(p);
    }
  };
  walk("");
  if (!legacy) return out;
  const isFileLayer = files.has(layerPath);
  return out
    .filter((e) => (isFileLayer ? e.name === layerPath : e.name.startsWith(`${layerPath}/`)))
    .map((e) => ({ ...e, name: isFileLayer ? layerPath.split("/").pop()! : e.name.slice(layerPath.length + 1) }));
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** `json.Marshal(KitFile)`: compact, Go struct field order, `package` always present. */
export const serializeKitfile = kitfileToJson;
