// kit's and model-spec's own test material, run against Kitgate's readers. Every row names its origin.
import { describe, expect, it } from "vitest";
import type { ImageManifest } from "@/lib/oci/types";
import { KIT_KITFILE_GENERATION_CASES } from "@/test/reference/kitops-kitfile-generation-cases";
import { KIT_MEDIA_TYPE_CASES } from "@/test/reference/kitops-media-type-cases";
import { MODEL_SPEC_CONFIG_CASES, MODEL_SPEC_CONFIG_EXAMPLE, MODEL_SPEC_MANIFEST_EXAMPLE } from "@/test/reference/model-spec-config-cases";
import { originLabel } from "@/test/reference/origin";
import { buildModelKitView } from "./build-modelkit-view";
import { classifyManifest } from "./classify-manifest";
import { generateKitfileForModelPack } from "./generate-kitfile-for-model-pack";
import { parseLayerMediaType } from "./parse-layer-media-type";
import { readModelCard } from "./read-model-card";

const CONFIG_TYPES = new Set(["application/vnd.kitops.modelkit.config.v1+json", "application/vnd.cncf.model.config.v1+json"]);

describe("media types: kit's parser cases", () => {
  it.each(KIT_MEDIA_TYPE_CASES.map((c) => [`${c.mediaType} — ${originLabel(c.origin)}`, c] as const))("%s", (_label, c) => {
    if (CONFIG_TYPES.has(c.mediaType)) {
      // Config types name what the artifact is; they are never a layer.
      const kind = classifyManifest({ schemaVersion: 2, config: { mediaType: c.mediaType, digest: `sha256:${"0".repeat(64)}`, size: 1 }, layers: [] }, null);
      expect(["kit", "modelpack"]).toContain(kind);
      return;
    }
    const parsed = parseLayerMediaType(c.mediaType);
    expect(parsed.family).not.toBeNull();
    if (c.errRegexp === null) expect(parsed.problem).toBeNull();
    else expect(parsed.problem ?? "").toMatch(new RegExp(c.errRegexp));
  });

  it.each([
    ["application/vnd.kitops.modelkit.model.v1.tar+none", "kit", "none", null],
    ["application/vnd.kitops.modelkit.mcpb.v1.raw", "kit", "none", null],
    ["application/vnd.kitops.modelkit.code.v1.tar+zstd", "kit", "zstd", null],
    ["application/vnd.cncf.model.weight.v1.raw+gzip", "modelpack", "gzip", /does not support compression for raw layers/],
    ["application/vnd.cncf.model.weight.v1.raw+zstd", "modelpack", "zstd", /does not support compression for raw layers/],
    ["application/vnd.cncf.model.weight.v1.tar+none", "modelpack", "none", null],
    ["application/vnd.kitops.modelkit.model.v1.tar+brotli", "kit", "none", /invalid compression brotli/],
  ])("%s: %s, %s compression", (mediaType, family, compression, problem) => {
    const parsed = parseLayerMediaType(mediaType);
    expect([parsed.family, parsed.compression]).toEqual([family, compression]);
    if (problem === null) expect(parsed.problem).toBeNull();
    else expect(parsed.problem).toMatch(problem);
  });
});

describe("ModelPack → Kitfile: kit's generation cases", () => {
  it.each(KIT_KITFILE_GENERATION_CASES.map((c) => [`${c.description} — ${originLabel(c.origin)}`, c] as const))("%s", (_label, c) => {
    const manifest = c.manifest as unknown as ImageManifest;
    if (c.errRegexp === "not a modelpack artifact") {
      expect(classifyManifest(manifest, null)).toBe("artifact");
      return;
    }
    const generated = generateKitfileForModelPack(manifest.layers, c.config ? c.config.modelfs.diffIds : null);
    if (c.errRegexp === null) {
      expect(generated.problems).toEqual([]);
      expect(generated.kitfile).toEqual(c.kitfile);
    } else {
      expect(generated.problems.map((p) => p.message).join("\n")).toMatch(new RegExp(c.errRegexp));
    }
  });
});

describe("ModelPack config: model-spec's schema cases", () => {
  it.each(MODEL_SPEC_CONFIG_CASES.map((c) => [originLabel(c.origin), c] as const))("%s", (_label, c) => {
    const card = readModelCard(c.config);
    expect(card).not.toBeNull();
    if (c.invalid) expect(card!.schemaIssues.length).toBeGreaterThan(0);
    else expect(card!.schemaIssues).toEqual([]);
  });

  it("flags every invalid case", () => {
    const invalid = MODEL_SPEC_CONFIG_CASES.filter((c) => c.invalid);
    expect(invalid.filter((c) => readModelCard(c.config)!.schemaIssues.length > 0)).toHaveLength(invalid.length);
  });

  it(`accepts the docs/config.md example and reads every field (${originLabel(MODEL_SPEC_CONFIG_EXAMPLE.origin)})`, () => {
    const card = readModelCard(MODEL_SPEC_CONFIG_EXAMPLE.config)!;
    expect(card.schemaIssues).toEqual([]);
    expect(card.descriptor).toEqual({
      createdAt: "2025-01-01T00:00:00Z", createdAtValid: true, authors: ["xyz@xyz.com"], vendor: "XYZ Corp.", family: "xyz3",
      name: "xyz-3-8B-Instruct", version: "3.1", title: "XYZ 3 8B Instruct", description: "xyz is a large language model.",
      docURL: "https://www.xyz.com/get-started/", sourceURL: "https://github.com/xyz/xyz3", datasetsURL: ["https://www.xyz.com/datasets/"],
      revision: "1234567890", licenses: ["Apache-2.0"],
    });
    expect(card.config).toEqual({
      architecture: "transformer", format: "pt", paramSize: "8b", precision: "float16", quantization: "gptq",
      capabilities: {
        inputTypes: ["text"], outputTypes: ["text", "image"], knowledgeCutoff: "2024-05-21T00:00:00Z", knowledgeCutoffValid: true,
        reasoning: true, toolUsage: false, reward: false, languages: ["en", "zh"],
      },
    });
    expect(card.diffIds).toHaveLength(2);
  });

  it("never shows a non-RFC 3339 createdAt as a date", () => {
    const bad = MODEL_SPEC_CONFIG_CASES.find((c) => /createdAt is not RFC3339/.test(c.origin.case ?? ""))!;
    const card = readModelCard(bad.config)!;
    expect(card.descriptor).toMatchObject({ createdAt: "2025/01/01T00:00:00Z", createdAtValid: false });
    const layerDigest = `sha256:${"1".repeat(64)}`;
    const view = buildModelKitView({
      manifestDigest: `sha256:${"9".repeat(64)}`,
      manifest: {
        schemaVersion: 2, artifactType: "application/vnd.cncf.model.manifest.v1+json",
        config: { mediaType: "application/vnd.cncf.model.config.v1+json", digest: `sha256:${"2".repeat(64)}`, size: 10 },
        layers: [{ mediaType: "application/vnd.cncf.model.weight.v1.raw", digest: layerDigest, size: 1, annotations: { "org.cncf.model.filepath": "w.bin" } }],
      },
      contentType: null,
      configBytes: new TextEncoder().encode(JSON.stringify(bad.config)),
    });
    expect(view.created).toBeNull();
    expect(view.modelCard?.schemaIssues.map((i) => i.pointer)).toContain("/descriptor/createdAt");
    expect(view.warnings.join("\n")).toMatch(/does not follow the model-spec schema/);
  });

  it(`reads the docs/spec.md example manifest, whose layers have no filepath: kit would reject it (${originLabel(MODEL_SPEC_MANIFEST_EXAMPLE.origin)})`, () => {
    const view = buildModelKitView({
      manifestDigest: `sha256:${"9".repeat(64)}`,
      manifest: MODEL_SPEC_MANIFEST_EXAMPLE.manifest as unknown as ImageManifest,
      contentType: null,
      configBytes: null,
    });
    expect(view.format).toBe("modelpack");
    expect(view.layers.map((l) => l.kind)).toEqual(["model", "model", "modelpart", "docs"]);
    expect(view.kitRejections.map((r) => r.rule)).toEqual(["layer-without-filepath", "layer-without-filepath", "layer-without-filepath", "layer-without-filepath"]);
  });
});

describe("ModelPack config: hostile sizes", () => {
  it("a 4 MiB config with 600k invalid languages is checked for its first violation only", () => {
    const config = { descriptor: {}, config: { capabilities: { languages: Array.from({ length: 600_000 }, () => "xyz") } }, modelfs: { type: "layers", diffIds: ["sha256:a"] } };
    const card = readModelCard(config, 4 * 1024 * 1024)!;
    expect(card.schemaIssues).toHaveLength(1);
    expect(card.config.capabilities?.languages).toHaveLength(100);
    expect(card.listsTruncated).toBe(true);
  });
});
