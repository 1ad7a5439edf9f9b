// Cases for the rules of kit and model-spec, run against Kitgate's readers. Every row names the upstream rule it checks.
import { describe, expect, it } from "vitest";
import type { ImageManifest } from "@/lib/oci/types";
import { KIT_KITFILE_GENERATION_CASES } from "@/test/reference/kitops-kitfile-generation-cases";
import { KIT_MEDIA_TYPE_CASES } from "@/test/reference/kitops-media-type-cases";
import { MODEL_SPEC_CONFIG_CASES, MODEL_SPEC_FULL_CONFIG, MODEL_SPEC_MANIFEST_WITHOUT_FILEPATHS } from "@/test/reference/model-spec-config-cases";
import { originLabel } from "@/test/reference/origin";
import { buildModelKitView } from "./build-modelkit-view";
import { classifyManifest } from "./classify-manifest";
import { generateKitfileForModelPack } from "./generate-kitfile-for-model-pack";
import { parseLayerMediaType } from "./parse-layer-media-type";
import { readModelCard } from "./read-model-card";
import { MAX_SCHEMA_ISSUES } from "./validate-model-pack-config";

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

describe("ModelPack config: the model-spec rules, one case per rule", () => {
  it.each(MODEL_SPEC_CONFIG_CASES.map((c) => [`${c.name} — ${originLabel(c.origin)}`, c] as const))("%s", (_label, c) => {
    const card = readModelCard(c.config);
    expect(card).not.toBeNull();
    if (c.invalidAt === null) expect(card!.schemaIssues).toEqual([]);
    else expect(card!.schemaIssues.map((i) => i.pointer)).toEqual([c.invalidAt]);
  });

  it("flags every invalid case and accepts every valid one", () => {
    const wrong = MODEL_SPEC_CONFIG_CASES.filter((c) => (readModelCard(c.config)!.schemaIssues.length > 0) !== (c.invalidAt !== null));
    expect(wrong.map((c) => c.name)).toEqual([]);
    expect(MODEL_SPEC_CONFIG_CASES.filter((c) => c.invalidAt !== null).length).toBeGreaterThanOrEqual(30);
  });

  it("says what is wrong in words a reviewer can act on", () => {
    const messageOf = (name: string) => {
      const c = MODEL_SPEC_CONFIG_CASES.find((x) => x.name === name)!;
      return readModelCard(c.config)!.schemaIssues.map((i) => i.message);
    };
    expect(messageOf("config is missing")).toEqual(["/config is required"]);
    expect(messageOf("version is a number")).toEqual(["/descriptor/version must be a string"]);
    expect(messageOf("createdAt is 30 February")).toEqual(["/descriptor/createdAt must be an RFC 3339 date-time such as 2025-01-31T12:00:00Z"]);
    expect(messageOf("an output type is not a modality")).toEqual(["/config/capabilities/outputTypes/1 must be one of text, image, audio, video, embedding, other"]);
    expect(messageOf("a three-letter language code")).toEqual(["/config/capabilities/languages/1 must be a two-letter lowercase ISO 639-1 language code"]);
    expect(messageOf("an unknown descriptor field")).toEqual(['/descriptor has an unknown field "homepage"']);
    expect(messageOf("type is not \"layers\"")).toEqual(['/modelfs/type must be "layers"']);
    expect(messageOf("diffIds is empty")).toEqual(["/modelfs/diffIds must list at least one layer diff id"]);
    expect(messageOf("an unknown top-level field")).toEqual(['(config) has an unknown field "labels"']);
    expect(messageOf("reasoning is a string")).toEqual(["/config/capabilities/reasoning must be true or false"]);
  });

  it("reports every violation of one config at once", () => {
    const card = readModelCard({
      descriptor: { version: 3, createdAt: "yesterday", nickname: "x" },
      config: { capabilities: { languages: ["en", "ENG", 4] } },
      modelfs: { type: "layers", diffIds: [] },
    })!;
    expect(card.schemaIssues.map((i) => i.pointer).sort()).toEqual([
      "/config/capabilities/languages/1", "/config/capabilities/languages/2", "/descriptor", "/descriptor/createdAt", "/descriptor/version", "/modelfs/diffIds",
    ]);
  });

  it(`reads every field of a full config (${originLabel(MODEL_SPEC_FULL_CONFIG.origin)})`, () => {
    const card = readModelCard(MODEL_SPEC_FULL_CONFIG.config)!;
    expect(card.schemaIssues).toEqual([]);
    expect(card.descriptor).toEqual({ ...MODEL_SPEC_FULL_CONFIG.config.descriptor, createdAtValid: true });
    expect(card.config).toEqual({
      ...MODEL_SPEC_FULL_CONFIG.config.config,
      capabilities: { ...MODEL_SPEC_FULL_CONFIG.config.config.capabilities, knowledgeCutoffValid: true },
    });
    expect(card.diffIds).toEqual(MODEL_SPEC_FULL_CONFIG.config.modelfs.diffIds);
  });

  it("never shows a non-RFC 3339 createdAt as a date", () => {
    const bad = MODEL_SPEC_CONFIG_CASES.find((c) => c.name === "createdAt uses slashes")!;
    const card = readModelCard(bad.config)!;
    expect(card.descriptor).toMatchObject({ createdAt: "2025/03/04 10:15:00", createdAtValid: false });
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

  it(`reads a ModelPack whose layers have no filepath: kit would reject it (${originLabel(MODEL_SPEC_MANIFEST_WITHOUT_FILEPATHS.origin)})`, () => {
    const view = buildModelKitView({
      manifestDigest: `sha256:${"9".repeat(64)}`,
      manifest: MODEL_SPEC_MANIFEST_WITHOUT_FILEPATHS.manifest as unknown as ImageManifest,
      contentType: null,
      configBytes: null,
    });
    expect(view.format).toBe("modelpack");
    expect(view.layers.map((l) => l.kind)).toEqual(["model", "model", "modelpart", "docs"]);
    expect(view.kitRejections.map((r) => r.rule)).toEqual(["layer-without-filepath", "layer-without-filepath", "layer-without-filepath", "layer-without-filepath"]);
  });
});

describe("ModelPack config: hostile sizes", () => {
  it("a 4 MiB config with 600k invalid languages and 100k unknown fields reports a bounded list", () => {
    const unknown = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`field-${i}`, i]));
    const config = { descriptor: unknown, config: { capabilities: { languages: Array.from({ length: 600_000 }, () => "xyz") } }, modelfs: { type: "layers", diffIds: ["sha256:a"] } };
    const card = readModelCard(config)!;
    expect(card.schemaIssues).toHaveLength(MAX_SCHEMA_ISSUES);
    expect(card.schemaIssues[0]!.message).toBe('/descriptor has unknown fields "field-0", "field-1", "field-2", "field-3", "field-4" and 99995 more');
    expect(card.config.capabilities?.languages).toHaveLength(100);
    expect(card.listsTruncated).toBe(true);
  });
});
