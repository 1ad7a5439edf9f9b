// One project packed byte for byte as kit v0.2.5, kit v1.7, current kit, current kit --use-model-pack, a
// ModelPack without the Kitfile annotation, and two versions kit itself would refuse — pushed to a real
// `docker-registry` and read through the REST API of the production server (`next start`), as users and CI
// read them: versions list, version, file listings of every layer, and diffs.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import type { ModelKitDiffDTO, ModelKitDTO, VersionsPageDTO } from "@/lib/data/dto";
import type { LayerListing } from "@/lib/layers/types";
import { KIT_VERSIONS_REPO, kitVersionKits } from "@/scripts/demo-data/kit-version-kits";
import { packModelKit, type PackedModelKit } from "@/test/support/fixtures/modelkits";
import { startKitgate, type RunningKitgate } from "@/test/support/auth/start-kitgate";
import { startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";

let registry: RunningRegistry;
let kitgate: RunningKitgate;
let dir: string;
const packed = new Map<string, PackedModelKit>();

async function api<T>(pathAndQuery: string): Promise<T> {
  const res = await fetch(`${kitgate.baseUrl}${pathAndQuery}`, { signal: AbortSignal.timeout(60_000) });
  const body = await res.text();
  if (!res.ok) throw new Error(`${pathAndQuery} → ${res.status}: ${body}`);
  return JSON.parse(body) as T;
}

const ref = (tag: string) => `reg/${KIT_VERSIONS_REPO}:${tag}`;
const kit = (tag: string) => api<ModelKitDTO>(`/api/v1/modelkit?ref=${encodeURIComponent(ref(tag))}`);
const diff = (base: string, head: string) => api<ModelKitDiffDTO>(`/api/v1/diff?base=${encodeURIComponent(ref(base))}&head=${encodeURIComponent(ref(head))}`);

async function filesOf(tag: string): Promise<string[]> {
  const dto = await kit(tag);
  const out: string[] = [];
  for (const layer of dto.view.layers) {
    const { listing } = await api<{ listing: LayerListing }>(`/api/v1/modelkit/files?ref=${encodeURIComponent(ref(tag))}&layer=${layer.digest}`);
    out.push(...listing.entries.filter((e) => e.type === "file").map((e) => e.path));
  }
  return out.sort();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-kit-versions-"));
  registry = await startRegistry({ mode: "anonymous" });
  const ctx = createOciContext({ url: registry.url });
  for (const k of kitVersionKits()) {
    const p = await packModelKit(k.pack);
    packed.set(k.tag, p);
    await pushBlob(ctx, KIT_VERSIONS_REPO, p.config.bytes, { mediaType: p.config.mediaType });
    for (const l of p.layers) await pushBlob(ctx, KIT_VERSIONS_REPO, l.bytes, { mediaType: l.mediaType });
    await pushManifest(ctx, KIT_VERSIONS_REPO, k.tag, p.manifest, p.mediaType);
  }
  const configPath = path.join(dir, "kitgate.yaml");
  await writeFile(
    configPath,
    [
      "registries:",
      "  - name: reg",
      `    url: ${registry.url}`,
      "cache: { dir: ./cache, maxBytes: 1073741824 }",
      "access:",
      '  - { anonymous: true, role: viewer, scope: "reg/*" }',
      "",
    ].join("\n"),
  );
  kitgate = await startKitgate({ configPath, dbFile: path.join(dir, "kitgate.db") });
}, 180_000);

afterAll(async () => {
  await kitgate?.stop();
  await registry?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const ALL_FILES = ["data/train/part-0.csv", "data/train/part-1.csv", "models/sentiment.joblib", "notebooks/eval.ipynb", "notebooks/train.ipynb"];

describe("every kit version's layout through the production server", () => {
  it("the registry holds the manifests byte for byte", async () => {
    for (const [tag, p] of packed) {
      const res = await fetch(`${registry.url}/v2/${KIT_VERSIONS_REPO}/manifests/${tag}`, { headers: { Accept: p.mediaType } });
      expect(new Uint8Array(await res.arrayBuffer())).toEqual(p.manifest);
    }
  });

  it("kit v0.2.5: files listed where kit unpack writes them, never doubled; v0.2 Kitfile fields kept", async () => {
    const dto = await kit("v0.2.5");
    expect(dto.view.format).toBe("kit-legacy");
    expect(dto.view.layers.map((l) => [l.kind, l.entryRoot])).toEqual([["model", "models"], ["code", "."], ["dataset", "data"]]);
    expect(await filesOf("v0.2.5")).toEqual(ALL_FILES);
    expect(dto.view.kitfile?.model?.training).toEqual({ dataset: "train", parameters: { C: 1, max_iter: 200 } });
    expect(dto.view.kitfile?.model?.validation).toEqual({ dataset: "train", metrics: { accuracy: 0.91 } });
    expect(dto.view.kitfile?.datasets?.[0]?.preprocessing).toBe("lower-cased, HTML stripped");
    expect(dto.view.kitfile?.manifestVersion).toBe("1.0");
    expect(dto.kitfileYaml).toContain("training:");
    expect(dto.view.kitRejections).toEqual([]);
  });

  it("kit v1.7, current kit and both ModelPacks list the same files", async () => {
    for (const tag of ["v1.7", "current", "modelpack", "modelpack-nokitfile"]) {
      const files = await filesOf(tag);
      expect(files.filter((f) => !/README|prompts/.test(f)), tag).toEqual(ALL_FILES);
    }
    expect(await filesOf("current")).toContain("prompts/system.md");
  });

  it("ModelPacks carry their model card; without the annotation the Kitfile is the one kit generates", async () => {
    const mp = await kit("modelpack");
    expect(mp.view).toMatchObject({ format: "modelpack", kitfileSource: "annotation" });
    expect(mp.view.modelCard?.descriptor).toMatchObject({ vendor: "Review Lab", family: "sentiment-lr", licenses: ["CC-BY-4.0", "MIT"], createdAtValid: true });
    expect(mp.view.modelCard?.config).toMatchObject({ architecture: "logistic-regression", paramSize: "0.1m", capabilities: { languages: ["en", "de"], inputTypes: ["text"] } });
    expect(mp.view.modelCard?.schemaIssues).toEqual([]);
    const synth = await kit("modelpack-nokitfile");
    expect(synth.view.kitfileSource).toBe("synthesised");
    expect(synth.view.kitfile?.package).toBeUndefined();
    expect(synth.view.kitfile?.model?.path).toBe("models/sentiment.joblib");
  });

  it("marks what kit would reject: a Kitfile that breaks kit's validation, a config that breaks model-spec's schema", async () => {
    const rejected = await kit("rejected");
    expect(rejected.view.kitRejections.map((r) => r.rule).sort()).toEqual(["duplicate-path", "part-type-pattern"]);
    const invalid = await kit("modelpack-invalid-config");
    expect(invalid.view.modelCard?.schemaIssues.map((i) => i.pointer).sort()).toEqual(["/config/capabilities/languages/0", "/descriptor/createdAt"]);
    expect(invalid.view.modelCard?.descriptor).toMatchObject({ createdAt: "2025/01/01T00:00:00Z", createdAtValid: false });
    expect(invalid.view.created).toBeNull();
  });

  it("the versions list summarises the model card and counts kit's rejections", async () => {
    const page = await api<VersionsPageDTO>(`/api/v1/versions?repository=${encodeURIComponent(`reg/${KIT_VERSIONS_REPO}`)}&limit=20`);
    const byTag = new Map(page.items.flatMap((v) => v.tags.map((t) => [t, v] as const)));
    expect([...byTag.keys()].sort()).toEqual([...packed.keys()].sort());
    expect(byTag.get("modelpack")?.card).toMatchObject({ vendor: "Review Lab", paramSize: "0.1m", licenses: ["CC-BY-4.0", "MIT"], schemaIssues: 0 });
    expect(byTag.get("modelpack-invalid-config")?.card?.schemaIssues).toBe(2);
    expect(byTag.get("rejected")?.kitRejections).toBe(2);
    expect(byTag.get("v0.2.5")).toMatchObject({ format: "kit-legacy", card: null, kitRejections: 0 });
    // the second read comes from the stored summaries and says the same
    const again = await api<VersionsPageDTO>(`/api/v1/versions?repository=${encodeURIComponent(`reg/${KIT_VERSIONS_REPO}`)}&limit=20`);
    expect(again.items.map((v) => [v.tags, v.card, v.kitRejections])).toEqual(page.items.map((v) => [v.tags, v.card, v.kitRejections]));
  });

  it("diff v1.7 → current: the same tar bytes are shared layers, as kit diff says; CLI version and pack time are noise", async () => {
    const { diff: d } = await diff("v1.7", "current");
    expect(d.manifest.sharedLayers).toHaveLength(4);
    expect(d.manifest.uniqueToA).toEqual([]);
    expect(d.manifest.uniqueToB.map((l) => l.path)).toEqual(["prompts/system.md"]);
    expect(d.summary.cliVersionNoise).toBe(true);
    expect(d.manifest.annotationChanges.map((c) => [c.key, c.noise])).toEqual([
      ["ml.kitops.modelkit.cli-version", true],
      ["org.opencontainers.image.created", true],
    ]);
    expect(d.summary.sections.prompts.added).toBe(1);
  });

  it("diff v0.2.5 → v1.7: every entry matched by name or path even though every layer changed", async () => {
    const { diff: d } = await diff("v0.2.5", "v1.7");
    expect(d.manifest.sharedLayers).toEqual([]);
    expect(d.entries.model.map((e) => e.status)).toEqual(["changed"]);
    expect(d.entries.code.map((e) => [e.key, e.status])).toEqual([["notebooks", "changed"]]);
    expect(d.entries.datasets.map((e) => [e.key, e.status])).toEqual([["train", "changed"]]);
    expect(d.kitfile.map((c) => c.path)).toEqual(expect.arrayContaining(["manifestVersion", "model.training", "model.validation", "datasets[train].preprocessing"]));
  });

  it("diff modelpack → modelpack-nokitfile: model card fields, the pack time as noise", async () => {
    const { diff: d } = await diff("modelpack", "modelpack-nokitfile");
    expect(d.modelCard.map((c) => [c.path, c.noise])).toEqual([
      ["descriptor.createdAt", true],
      ["config.paramSize", false],
    ]);
    expect(d.summary.modelCardChanges).toBe(1);
  });

  it("diff current → rejected: the head introduces what kit would reject", async () => {
    const { diff: d } = await diff("current", "rejected");
    expect(d.kitRejections.introduced.map((r) => r.rule).sort()).toEqual(["duplicate-path", "part-type-pattern"]);
    expect(d.summary.kitRejectionsIntroduced).toBe(2);
  });
});
