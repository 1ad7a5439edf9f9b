import { describe, expect, it } from "vitest";
import type { KitEntry, KitLayer, Kitfile, ModelKitView } from "@/lib/modelkit/types";
import { diffEntries } from "./diff-entries";
import { diffSummary } from "./diff-summary";
import { diffModelKits } from "./diff-model-kits";

const MT = "application/vnd.kitops.modelkit";
function layer(index: number, kind: KitLayer["kind"], path: string, digest: string, size: number, diffId: string, mediaType: string): KitLayer {
  return { index, kind, mediaType, digest, size, compression: mediaType.endsWith("+gzip") ? "gzip" : "none",
    format: "tar", path, diffId, annotations: {}, entryRoot: null };
}
function entry(section: KitEntry["section"], index: number, path: string, layerDigest: string | null, extra: Partial<KitEntry> = {}): KitEntry {
  return { section, index, path, external: false, layerDigest, ...extra };
}
function view(digest: string, cli: string, kitfile: Kitfile, layers: KitLayer[], entries: KitEntry[]): ModelKitView {
  return {
    format: "kit", manifestDigest: digest, mediaType: null, artifactType: null,
    config: { mediaType: `${MT}.config.v1+json`, digest: `${digest}-config`, size: 700 },
    kitfile, kitfileSource: "config", layers, entries, parent: null,
    annotations: { "ml.kitops.modelkit.cli-version": cli }, cliVersion: cli, created: null,
    totalSize: layers.reduce((s, l) => s + l.size, 0), indexEntries: [], modelCard: null, kitRejections: [], warnings: [],
  };
}

// 1.0.0 → 1.1.0: the model was repacked with gzip (same content), code and the training set
// changed, docs did not, the external validation set points at a new object version.
const v1 = view("sha256:v1", "1.9.0",
  { manifestVersion: "1.0.0", package: { name: "fraud", version: "1.0.0" } },
  [
    layer(0, "model", "model.bin", "sha256:model-plain", 4000, "sha256:model-plain", `${MT}.model.v1.tar`),
    layer(1, "code", "src", "sha256:code-1", 300, "sha256:code-1", `${MT}.code.v1.tar`),
    layer(2, "dataset", "data/train.csv", "sha256:train-1", 2000, "sha256:train-1", `${MT}.dataset.v1.tar`),
    layer(3, "docs", "README.md", "sha256:docs", 50, "sha256:docs", `${MT}.docs.v1.tar`),
  ],
  [
    entry("model", 0, "model.bin", "sha256:model-plain", { name: "fraud-xgb" }),
    entry("code", 0, "src", "sha256:code-1"),
    entry("datasets", 0, "data/train.csv", "sha256:train-1", { name: "training" }),
    entry("datasets", 1, "data/val", null, { name: "validation", external: true, remotePath: "s3://b/val", remoteHash: "etag-1" }),
    entry("docs", 0, "README.md", "sha256:docs"),
  ]);
const v2 = view("sha256:v2", "1.10.0",
  { manifestVersion: "1.0.0", package: { name: "fraud", version: "1.0.0" } },
  [
    layer(0, "model", "model.bin", "sha256:model-gz", 1500, "sha256:model-plain", `${MT}.model.v1.tar+gzip`),
    layer(1, "dataset", "data/train.csv", "sha256:train-2", 2100, "sha256:train-2", `${MT}.dataset.v1.tar`),
    layer(2, "code", "src", "sha256:code-2", 320, "sha256:code-2", `${MT}.code.v1.tar`),
    layer(3, "docs", "README.md", "sha256:docs", 50, "sha256:docs", `${MT}.docs.v1.tar`),
  ],
  [
    entry("model", 0, "model.bin", "sha256:model-gz", { name: "fraud-xgb" }),
    // listed in another order than v1: matching is by name/path
    entry("datasets", 0, "data/val", null, { name: "validation", external: true, remotePath: "s3://b/val", remoteHash: "etag-2" }),
    entry("datasets", 1, "data/train.csv", "sha256:train-2", { name: "training" }),
    entry("code", 0, "src", "sha256:code-2"),
    entry("docs", 0, "README.md", "sha256:docs"),
  ]);

describe("diffEntries", () => {
  const entries = diffEntries(v1, v2);

  it("marks changed code and datasets, unchanged docs, and the recompressed model", () => {
    expect(entries.code.map((e) => [e.key, e.status])).toEqual([["src", "changed"]]);
    expect(entries.docs.map((e) => [e.key, e.status])).toEqual([["README.md", "unchanged"]]);
    expect(entries.datasets.map((e) => [e.key, e.status])).toEqual([["training", "changed"], ["validation", "changed"]]);
    expect(entries.model).toEqual([expect.objectContaining({ key: "fraud-xgb", status: "changed", recompressed: true })]);
  });

  it("gives digests and sizes before and after", () => {
    const code = entries.code[0]!;
    expect(code.before).toMatchObject({ digest: "sha256:code-1", size: 300 });
    expect(code.after).toMatchObject({ digest: "sha256:code-2", size: 320 });
    const val = entries.datasets.find((e) => e.key === "validation")!;
    expect([val.before?.remoteHash, val.after?.remoteHash]).toEqual(["etag-1", "etag-2"]);
  });

  it("reports package unchanged when only layers moved", () => {
    expect(entries.package.map((e) => e.status)).toEqual(["unchanged"]);
  });

  it("reports added and removed entries", () => {
    const v3 = { ...v2, entries: [...v2.entries.filter((e) => e.section !== "docs"),
      entry("prompts", 0, "prompts/sys.md", "sha256:p", { name: "system" })] };
    const d = diffEntries(v1, v3);
    expect(d.docs.map((e) => e.status)).toEqual(["removed"]);
    expect(d.prompts.map((e) => [e.key, e.status])).toEqual([["system", "added"]]);
  });
});

describe("diffSummary", () => {
  it("counts sections and layers, flags cli-version noise and the changed config", () => {
    const s = diffSummary(v1, v2);
    expect(s.identical).toBe(false);
    expect(s.sections.code).toEqual({ added: 0, removed: 0, changed: 1, unchanged: 0 });
    expect(s.sections.docs).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 1 });
    expect(s.sections.datasets).toEqual({ added: 0, removed: 0, changed: 2, unchanged: 0 });
    expect(s.layers).toEqual({ shared: 1, uniqueA: 3, uniqueB: 3, recompressed: 1 });
    expect(s.bytesDiffering).toBe(1500 + 2100 + 320);
    expect(s.cliVersionNoise).toBe(true);
    expect(s.configChanged).toBe(true);
    expect(s.kitfileChanges).toBe(0);
  });

  it("says identical for the same manifest digest", () => {
    const s = diffSummary(v1, v1);
    expect(s.identical).toBe(true);
    expect(s.bytesDiffering).toBe(0);
    expect(s.sections.code).toEqual({ added: 0, removed: 0, changed: 0, unchanged: 1 });
  });

  it("diffModelKits returns JSON that round-trips", () => {
    const d = diffModelKits(v1, { ...v2, kitfile: { ...v2.kitfile, package: { name: "fraud", version: "1.1.0" } } });
    expect(d.summary.kitfileChanges).toBe(1);
    expect(d.entries.package[0]!.status).toBe("changed");
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});

describe("ModelPack model card and kit's verdicts in the diff", () => {
  const card = (over: Partial<NonNullable<ModelKitView["modelCard"]>["descriptor"]>, cfg: NonNullable<ModelKitView["modelCard"]>["config"] = {}) => ({
    descriptor: { createdAt: "2026-01-01T00:00:00Z", createdAtValid: true, name: "vision", licenses: ["Apache-2.0"], ...over },
    config: cfg, diffIds: [], listsTruncated: false, schemaIssues: [], schemaVersion: "test",
  });
  const mp = (digest: string, c: ReturnType<typeof card>, rejections: ModelKitView["kitRejections"] = []) =>
    ({ ...view(digest, "1.11.0", { manifestVersion: "1.0.0" }, [], []), format: "modelpack" as const, modelCard: c, kitRejections: rejections });

  it("lists descriptor and config changes and calls the pack time noise", () => {
    const a = mp("sha256:a", card({}, { paramSize: "7b", capabilities: { inputTypes: ["text"] } }));
    const b = mp("sha256:b", card({ createdAt: "2026-02-01T00:00:00Z", licenses: ["MIT"] }, { paramSize: "8b", capabilities: { inputTypes: ["text", "image"] } }));
    const d = diffModelKits(a, b);
    expect(d.modelCard.map((c) => [c.path, c.kind, c.noise])).toEqual([
      ["descriptor.createdAt", "changed", true],
      ["descriptor.licenses[0]", "changed", false],
      ["config.capabilities.inputTypes[1]", "added", false],
      ["config.paramSize", "changed", false],
    ]);
    expect(d.summary.modelCardChanges).toBe(3);
  });

  it("says which problems kit would reject the head introduced and which it fixed", () => {
    const dup = { rule: "duplicate-path" as const, field: "code[1].path", message: "code layer 0 and code layer 1 use the same path src" };
    const abs = { rule: "absolute-path" as const, field: "docs[0].path", message: "absolute paths are not supported in a Kitfile (path /etc in docs layer 0)" };
    const d = diffModelKits(mp("sha256:a", card({}), [dup]), mp("sha256:b", card({}), [abs]));
    expect(d.kitRejections.introduced).toEqual([abs]);
    expect(d.kitRejections.fixed).toEqual([dup]);
    expect(d.summary.kitRejectionsIntroduced).toBe(1);
    expect(JSON.parse(JSON.stringify(d))).toEqual(d);
  });
});
