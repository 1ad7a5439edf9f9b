import { describe, expect, it } from "vitest";
import type { Descriptor, ImageIndex, ImageManifest } from "@/lib/oci/types";
import { buildIndexView } from "./build-index-view";
import { buildModelKitView } from "./build-modelkit-view";
import { classifyManifest } from "./classify-manifest";

const dg = (c: string) => `sha256:${c.repeat(64)}`;
const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
const KIT = "application/vnd.kitops.modelkit";
const CNCF = "application/vnd.cncf.model";
const OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";

function layer(mediaType: string, c: string, size: number, annotations?: Record<string, string>): Descriptor {
  return { mediaType, digest: dg(c), size, ...(annotations ? { annotations } : {}) };
}
function manifest(configType: string, layers: Descriptor[], extra: Partial<ImageManifest> = {}): ImageManifest {
  return { schemaVersion: 2, config: { mediaType: configType, digest: dg("f"), size: 100 }, layers, ...extra };
}
function view(m: ImageManifest, config: unknown, contentType: string | null = OCI_MANIFEST) {
  return buildModelKitView({
    manifestDigest: dg("9"),
    manifest: m,
    contentType,
    configBytes: config === null ? null : config instanceof Uint8Array ? config : json(config),
  });
}

describe("new kit with LayerInfo", () => {
  // Layers listed in a different order from the Kitfile: matching must follow digests, not position.
  const m = manifest(
    `${KIT}.config.v1+json`,
    [
      layer(`${KIT}.code.v1.tar`, "c", 30, { "org.cncf.model.filepath": "src" }),
      layer(`${KIT}.docs.v1.tar`, "d", 5, { "org.cncf.model.filepath": "README.md" }),
      layer(`${KIT}.model.v1.tar`, "a", 1000, { "org.cncf.model.filepath": "model/weights.bin" }),
      layer(`${KIT}.dataset.v1.tar+zstd`, "b", 200, { "org.cncf.model.filepath": "data/train.csv" }),
    ],
    { artifactType: `${KIT}.manifest.v1+json`, annotations: { "ml.kitops.modelkit.cli-version": "1.9.0" } },
  );
  const config = {
    manifestVersion: "1.0.0",
    package: { name: "fraud" },
    model: { path: "model/weights.bin", framework: "pytorch", digest: dg("a"), diffId: dg("a") },
    code: [{ path: "src", digest: dg("c"), diffId: dg("c") }],
    datasets: [
      { name: "train", path: "data/train.csv", digest: dg("b"), diffId: dg("e") },
      { name: "lake", path: "data/lake", remotePath: "s3://bucket/lake.parquet", remoteHash: "abc123" },
    ],
    docs: [{ path: "README.md", digest: dg("d"), diffId: dg("d") }],
  };
  const v = view(m, config, null);

  it("is a kit read from the config", () => {
    expect(v.format).toBe("kit");
    expect(v.kitfileSource).toBe("config");
    expect(v.kitfile?.package?.name).toBe("fraud");
    expect(v.cliVersion).toBe("1.9.0");
    expect(v.created).toBeNull();
    expect(v.totalSize).toBe(1235);
    expect(v.warnings).toEqual([]);
  });

  it("matches every layer to its entry by digest", () => {
    const byDigest = Object.fromEntries(v.layers.map((l) => [l.digest, l]));
    expect(byDigest[dg("a")]).toMatchObject({ kind: "model", path: "model/weights.bin", compression: "none", format: "tar", entryRoot: null });
    expect(byDigest[dg("b")]).toMatchObject({ kind: "dataset", path: "data/train.csv", compression: "zstd", diffId: dg("e") });
    expect(byDigest[dg("c")]).toMatchObject({ kind: "code", path: "src" });
    expect(v.entries.find((e) => e.section === "model")?.layerDigest).toBe(dg("a"));
    expect(v.entries.find((e) => e.section === "docs")?.layerDigest).toBe(dg("d"));
  });

  it("keeps the S3 dataset as an external entry without a layer", () => {
    const lake = v.entries.find((e) => e.name === "lake");
    expect(lake).toMatchObject({ section: "datasets", index: 1, external: true, layerDigest: null, remotePath: "s3://bucket/lake.parquet", remoteHash: "abc123" });
  });
});

describe("old kit without LayerInfo", () => {
  // kit ≤0.2: gzip layers, no mediaType/artifactType, no annotations, config without digests.
  const m = manifest(`${KIT}.config.v1+json`, [
    layer(`${KIT}.model.v1.tar+gzip`, "a", 900),
    layer(`${KIT}.code.v1.tar+gzip`, "b", 10),
    layer(`${KIT}.code.v1.tar+gzip`, "c", 11),
    layer(`${KIT}.dataset.v1.tar+gzip`, "d", 50),
  ], { annotations: { "ml.kitops.modelkit.cli-version": "0.2.1" } });
  const config = {
    manifestVersion: "1.0.0",
    package: { name: "legacy" },
    model: { path: "model.joblib" },
    code: [{ path: "train" }, { path: "serve" }],
    datasets: [{ name: "d", path: "data" }],
  };
  const v = view(m, config, null);

  it("matches by position within each type and flags it", () => {
    expect(v.format).toBe("kit-legacy");
    expect(v.warnings).toContain("older kit: layers matched by position");
    expect(v.layers.map((l) => l.path)).toEqual(["model.joblib", "train", "serve", "data"]);
    expect(v.layers.every((l) => l.compression === "gzip")).toBe(true);
    // kit v0.1–v0.4 named entries relative to the parent directory of each Kitfile path.
    expect(v.layers.map((l) => l.entryRoot)).toEqual([".", ".", ".", "."]);
    expect(v.entries.find((e) => e.section === "code" && e.index === 1)?.layerDigest).toBe(dg("c"));
    expect(v.mediaType).toBeNull();
    expect(v.artifactType).toBeNull();
  });

  it("does not invent diffIds for compressed layers", () => {
    expect(v.layers.every((l) => l.diffId === null)).toBe(true);
  });
});

describe("kit with prompts, raw, zstd and mcpb layers", () => {
  const meta = JSON.stringify({ name: "weights.gguf", mode: 420, uid: 0, gid: 0, size: 4096, mtime: "2026-01-01T00:00:00Z", typeflag: 48 });
  const m = manifest(`${KIT}.config.v1+json`, [
    layer(`${KIT}.model.v1.raw`, "a", 4096, { "org.cncf.model.filepath": "weights.gguf", "org.cncf.model.file.metadata+json": meta }),
    layer(`${KIT}.code.v1.tar+zstd`, "b", 10, { "org.cncf.model.filepath": "src" }),
    layer(`${KIT}.code.v1.tar`, "c", 7, { "org.cncf.model.filepath": "prompts/system.md", "ml.kitops.modelkit.layer-subtype": "prompt" }),
    layer(`${KIT}.mcpb.v1.raw`, "e", 70, { "org.cncf.model.filepath": "tools.mcpb" }),
  ]);
  const withInfo = {
    manifestVersion: "1.0.0",
    model: { path: "weights.gguf", format: "gguf", digest: dg("a"), diffId: dg("a") },
    code: [{ path: "src", digest: dg("b"), diffId: dg("1") }],
    prompts: [{ path: "prompts/system.md", digest: dg("c"), diffId: dg("c") }],
    mcpServers: [{ name: "tools", path: "tools.mcpb", digest: dg("e"), diffId: dg("e") }],
  };

  it("tells prompts from code by the subtype annotation", () => {
    const v = view(m, withInfo);
    expect(v.layers.map((l) => [l.kind, l.format, l.compression])).toEqual([
      ["model", "raw", "none"],
      ["code", "tar", "zstd"],
      ["prompt", "tar", "none"],
      ["mcpb", "raw", "none"],
    ]);
    expect(v.entries.find((e) => e.section === "prompts")?.layerDigest).toBe(dg("c"));
    expect(v.entries.find((e) => e.section === "mcpServers")?.layerDigest).toBe(dg("e"));
    expect(v.layers[0]?.annotations["org.cncf.model.file.metadata+json"]).toBe(meta);
    expect(v.warnings).toEqual([]);
  });

  it("without LayerInfo, counts prompts separately from code (a prompt layer before code still goes to prompts[0])", () => {
    const reordered = manifest(`${KIT}.config.v1+json`, [
      layer(`${KIT}.code.v1.tar`, "c", 7, { "ml.kitops.modelkit.layer-subtype": "prompt" }),
      layer(`${KIT}.code.v1.tar`, "b", 10),
    ]);
    const v = view(reordered, { manifestVersion: "1.0.0", code: [{ path: "src" }], prompts: [{ path: "p.md" }] });
    expect(v.layers.map((l) => [l.kind, l.path])).toEqual([["prompt", "p.md"], ["code", "src"]]);
  });
});

describe("ModelPack", () => {
  const mpLayers = [
    layer(`${CNCF}.weight.v1.raw`, "a", 500, { "org.cncf.model.filepath": "model.safetensors" }),
    layer(`${CNCF}.weight.v1.raw`, "b", 400, { "org.cncf.model.filepath": "model-2.safetensors" }),
    layer(`${CNCF}.weight.config.v1.raw`, "c", 2, { "org.cncf.model.filepath": "config.json" }),
    layer(`${CNCF}.code.v1.tar+gzip`, "d", 30, { "org.cncf.model.filepath": "src" }),
    layer(`${CNCF}.dataset.v1.tar`, "e", 60, { "org.cncf.model.filepath": "data" }),
    layer(`${CNCF}.doc.v1.raw`, "7", 3, { "org.cncf.model.filepath": "README.md" }),
  ];
  const mpConfig = {
    descriptor: { createdAt: "2026-03-01T10:00:00Z", name: "qwen-mini", version: "0.5", authors: ["lab"] },
    config: { format: "safetensors" },
    modelfs: { type: "layers", diffIds: [dg("a"), dg("b"), dg("c"), dg("8"), dg("e"), dg("7")] },
  };

  it("synthesises the Kitfile when the annotation is absent", () => {
    const m = manifest(`${CNCF}.config.v1+json`, mpLayers, {
      mediaType: OCI_MANIFEST,
      artifactType: `${CNCF}.manifest.v1+json`,
      annotations: { "org.opencontainers.image.created": "2026-03-01T10:00:01Z" },
    });
    const v = view(m, mpConfig);
    expect(v.format).toBe("modelpack");
    expect(v.kitfileSource).toBe("synthesised");
    // kit's GenerateKitfileForModelPack records layers only; the config's descriptor is the model card.
    expect(v.kitfile?.model).toMatchObject({ path: "model.safetensors" });
    expect(v.kitfile?.package).toBeUndefined();
    expect(v.modelCard?.config.format).toBe("safetensors");
    expect(v.kitfile?.model?.parts?.map((p) => p.path)).toEqual(["model-2.safetensors", "config.json"]);
    expect(v.kitfile?.code?.[0]?.path).toBe("src");
    expect(v.kitfile?.datasets?.[0]?.path).toBe("data");
    expect(v.kitfile?.docs?.[0]?.path).toBe("README.md");
    expect(v.layers[3]).toMatchObject({ kind: "code", compression: "gzip", diffId: dg("8") });
    expect(v.layers[1]).toMatchObject({ kind: "modelpart", path: "model-2.safetensors" });
    expect(v.created).toBe("2026-03-01T10:00:01Z");
    expect(v.warnings).toEqual([]);
  });

  it("takes createdAt from the config when the manifest has no created annotation", () => {
    const v = view(manifest(`${CNCF}.config.v1+json`, mpLayers), mpConfig);
    expect(v.created).toBe("2026-03-01T10:00:00Z");
  });

  it("uses the Kitfile annotation when present and matches by digest", () => {
    const kitfile = {
      manifestVersion: "1.0.0",
      package: { name: "from-annotation" },
      model: { path: "model.safetensors", digest: dg("a"), parts: [{ path: "model-2.safetensors", digest: dg("b") }, { path: "config.json", digest: dg("c") }] },
      code: [{ path: "src", digest: dg("d") }],
      datasets: [{ path: "data", digest: dg("e") }],
      docs: [{ path: "README.md", digest: dg("7") }],
    };
    const m = manifest(`${CNCF}.config.v1+json`, mpLayers, {
      artifactType: `${CNCF}.manifest.v1+json`,
      annotations: { "ml.kitops.modelkit.kitfile": JSON.stringify(kitfile) },
    });
    const v = view(m, mpConfig);
    expect(v.kitfileSource).toBe("annotation");
    expect(v.kitfile?.package?.name).toBe("from-annotation");
    expect(v.entries.every((e) => e.layerDigest !== null)).toBe(true);
    expect(v.warnings).toEqual([]);
  });

  it("falls back to synthesis when the Kitfile annotation is broken", () => {
    const m = manifest(`${CNCF}.config.v1+json`, mpLayers, { annotations: { "ml.kitops.modelkit.kitfile": "{oops" } });
    const v = view(m, mpConfig);
    expect(v.kitfileSource).toBe("synthesised");
    expect(v.warnings.join("\n")).toMatch(/ml\.kitops\.modelkit\.kitfile annotation is not a readable Kitfile/);
  });

  it("reads legacy CNAI media types and filepath annotations with a legacy warning", () => {
    const m = manifest("application/vnd.cnai.model.config.v1+json", [
      layer("application/vnd.cnai.model.weight.v1.tar", "a", 10, { "org.cnai.model.filepath": "w.bin" }),
      layer("application/vnd.cnai.model.doc.v1.tar", "b", 1, { "org.cnai.model.filepath": "README.md" }),
    ]);
    const v = view(m, null);
    expect(v.format).toBe("modelpack");
    expect(v.kitfile?.model?.path).toBe("w.bin");
    expect(v.layers.map((l) => l.kind)).toEqual(["model", "docs"]);
    expect(v.warnings.join("\n")).toMatch(/legacy CNAI/);
  });
});

describe("legacy jozu kit", () => {
  const m = manifest("application/vnd.jozu.model.config.v1+json", [
    layer("application/vnd.jozu.model.content.v1.tar+gzip", "a", 100),
    layer("application/vnd.jozu.model.code.v1.tar+gzip", "b", 10),
    layer("application/vnd.jozu.dataset.content.v1.tar+gzip", "c", 20),
  ]);
  it("is kit-legacy with kinds from the jozu media types", () => {
    const v = view(m, { manifestVersion: "1.0", model: { path: "model" }, code: [{ path: "src" }], datasets: [{ name: "d", path: "data" }] });
    expect(v.format).toBe("kit-legacy");
    expect(v.layers.map((l) => [l.kind, l.path, l.compression, l.entryRoot])).toEqual([
      ["model", "model", "gzip", "."],
      ["code", "src", "gzip", "."],
      ["dataset", "data", "gzip", "."],
    ]);
    expect(v.warnings).toContain("older kit: layers matched by position");
    // "1.0" is a spelling kit's own docs use: not a rejection.
    expect(v.kitRejections).toEqual([]);
  });
});

describe("parent ModelKit reference", () => {
  it.each([
    ["registry.example.com/org/base:1.0", { registry: "registry.example.com", repository: "org/base", tag: "1.0", digest: null }],
    ["test-ref:model-1", { registry: "localhost", repository: "test-ref", tag: "model-1", digest: null }],
  ])("model.path %s becomes a parent and an external model entry", (path, expected) => {
    const m = manifest(`${KIT}.config.v1+json`, [layer(`${KIT}.modelpart.v1.tar`, "b", 10)]);
    const v = view(m, { manifestVersion: "1.0.0", model: { path, parts: [{ name: "lora", path: "lora.bin", digest: dg("b") }] } });
    expect(v.parent).toEqual({ reference: path, ...expected });
    expect(v.entries[0]).toMatchObject({ section: "model", external: true, layerDigest: null, path });
    expect(v.entries[1]).toMatchObject({ section: "parts", layerDigest: dg("b") });
    expect(v.warnings).toEqual([]);
  });

  it("a plain relative path is not a parent", () => {
    const v = view(manifest(`${KIT}.config.v1+json`, [layer(`${KIT}.model.v1.tar`, "a", 1)]), { model: { path: "models/m.h5" } });
    expect(v.parent).toBeNull();
  });
});

describe("damaged or foreign content", () => {
  it("renders a kit with a malformed config, with a warning and no Kitfile", () => {
    const m = manifest(`${KIT}.config.v1+json`, [layer(`${KIT}.model.v1.tar`, "a", 5)]);
    const v = view(m, new TextEncoder().encode("{not json"));
    expect(v.kitfile).toBeNull();
    expect(v.layers).toHaveLength(1);
    expect(v.layers[0]?.kind).toBe("model");
    expect(v.warnings.join("\n")).toMatch(/config blob is not a readable Kitfile/);
  });

  it("warns about unmatched layers, entries without layers and unknown media types", () => {
    const m = manifest(`${KIT}.config.v1+json`, [
      layer(`${KIT}.model.v1.tar`, "a", 5),
      layer(`${KIT}.docs.v1.tar`, "d", 1),
      layer("application/x-surprise", "e", 1),
    ]);
    const v = view(m, { manifestVersion: "1.0.0", model: { path: "m", digest: dg("a") }, code: [{ path: "src", digest: dg("c") }], docs: [] });
    const text = v.warnings.join("\n");
    expect(text).toMatch(/layer 1 \(docs, sha256:dddd.*\) has no Kitfile entry/);
    expect(text).toMatch(/code\[0\] \(src\) names layer sha256:cccc.*not in the manifest/);
    expect(text).toMatch(/layer 2 has an unknown media type "application\/x-surprise"/);
  });

  it("shows a plain container image as an image without Kitfile", () => {
    const m = manifest("application/vnd.oci.image.config.v1+json", [layer("application/vnd.oci.image.layer.v1.tar+gzip", "a", 1234)]);
    const v = view(m, { architecture: "amd64", os: "linux" });
    expect(v.format).toBe("image");
    expect(v.kitfile).toBeNull();
    expect(v.layers[0]).toMatchObject({ kind: "unknown", compression: "gzip", format: "tar" });
    expect(v.warnings).toEqual([]);
  });

  it("shows an unknown artifact as an artifact", () => {
    const m = manifest("application/vnd.example.thing.config.v1+json", [layer("application/vnd.example.blob", "a", 3)], {
      artifactType: "application/vnd.example.thing",
    });
    const v = view(m, {});
    expect(v.format).toBe("artifact");
    expect(v.entries).toEqual([]);
    expect(v.totalSize).toBe(3);
  });
});

describe("classifyManifest", () => {
  it.each([
    ["kit config", manifest(`${KIT}.config.v1+json`, []), "kit"],
    ["kit artifactType with empty config", manifest("application/vnd.oci.empty.v1+json", [], { artifactType: `${KIT}.manifest.v1+json` }), "kit"],
    ["modelpack artifactType", manifest("application/vnd.oci.empty.v1+json", [], { artifactType: `${CNCF}.manifest.v1+json` }), "modelpack"],
    ["modelpack config", manifest(`${CNCF}.config.v1+json`, []), "modelpack"],
    ["jozu config", manifest("application/vnd.jozu.model.config.v1+json", []), "kit-legacy"],
    ["cnai config", manifest("application/vnd.cnai.model.config.v1+json", []), "modelpack"],
    ["docker image", manifest("application/vnd.docker.container.image.v1+json", []), "image"],
    ["other", manifest("application/vnd.foo+json", []), "artifact"],
  ])("%s → %s", (_n, m, expected) => {
    expect(classifyManifest(m, null)).toBe(expected);
  });
  it("an index is an index", () => {
    const idx: ImageIndex = { schemaVersion: 2, manifests: [] };
    expect(classifyManifest(idx, null)).toBe("index");
  });
});

describe("buildIndexView", () => {
  it("lists kit index entries with their tags and model metadata", () => {
    const index: ImageIndex = {
      schemaVersion: 2,
      mediaType: "application/vnd.oci.image.index.v1+json",
      artifactType: `${KIT}.index.v1+json`,
      manifests: [
        { mediaType: OCI_MANIFEST, digest: dg("a"), size: 700, annotations: { "ml.kitops.modelkit.original-tag": "v1-q4" }, modelMetadata: { quantization: "q4" } },
        { mediaType: OCI_MANIFEST, digest: dg("b"), size: 710, annotations: { "org.opencontainers.image.ref.name": "v1-f16" } },
        { mediaType: OCI_MANIFEST, digest: dg("c"), size: 720, platform: { os: "linux", architecture: "arm64", variant: "v8" } },
      ],
    };
    const v = buildIndexView({ manifestDigest: dg("9"), index, contentType: null });
    expect(v.format).toBe("index");
    expect(v.artifactType).toBe(`${KIT}.index.v1+json`);
    expect(v.indexEntries.map((e) => e.tag)).toEqual(["v1-q4", "v1-f16", undefined]);
    expect(v.indexEntries[0]?.modelMetadata).toEqual({ quantization: "q4" });
    expect(v.indexEntries[2]?.platform).toBe("linux/arm64/v8");
  });
});

describe("hostile sizes", () => {
  it("joins 40k Kitfile entries (a 1 MiB Kitfile) to the layers without an entries × layers scan and caps the warnings", () => {
    const layers = Array.from({ length: 2000 }, (_, i) => layer(`${KIT}.code.v1.tar`, "a", 1, { "org.cncf.model.filepath": `src${i}` }))
      .map((l, i) => ({ ...l, digest: `sha256:${i.toString(16).padStart(64, "0")}` }));
    const code = Array.from({ length: 40_000 }, (_, i) => ({ path: `src${i}` }));
    const v = view(manifest(`${KIT}.config.v1+json`, layers), { manifestVersion: "1.0.0", code });
    expect(v.entries.filter((e) => e.layerDigest !== null)).toHaveLength(2000);
    expect(v.warnings.length).toBeLessThanOrEqual(201);
    expect(v.warnings[v.warnings.length - 1]).toMatch(/^and \d+ more warnings$/);
  });
});
