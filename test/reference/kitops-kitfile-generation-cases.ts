// ModelPack manifests written for Kitgate, one per rule of kit's ModelPack → Kitfile generation
// (TestGenerateKitfileForModelPack over pkg/artifact/testdata/kitfile-generation/*.yaml): the first weight is the
// model, weight configs and further weights become parts in layer order, docs/code/datasets keep their paths,
// diffIds are taken from the config when it has one per layer; an unknown layer type, a layer without a
// filepath annotation, a config whose diffIds do not fit and a non-ModelPack artifact are errors. The manifests,
// paths and placeholder digests are ours; each row names the kit case whose rule it checks.
import type { Origin } from "./origin";

type Layer = { mediaType: string; size: number; digest: string; annotations: Record<string, string> };
export interface KitfileGenerationCase {
  origin: Origin;
  description: string;
  manifest: { schemaVersion: number; mediaType: string; artifactType: string; config: { mediaType: string; size: number; digest: string };
    layers: Layer[] };
  config: { modelfs: { type: string; diffIds: string[] } } | null;
  /** the Kitfile kit generates, or null when kit errors */
  kitfile: Record<string, unknown> | null;
  errRegexp: string | null;
}

const o = (name: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path: `pkg/artifact/testdata/kitfile-generation/${name}.yaml`, commit });
const C0 = "c0c71672e4808abd9fa97e9f9d84040a6b18b774";
const E152 = "152f045595afe9ddc0e434b3a3619efb456a2672";
const MP = "application/vnd.cncf.model";

/** A layer at `path` with a readable placeholder digest (generation never hashes). */
const layer = (kind: string, format: string, path: string, digest: string, annotation = "org.cncf.model.filepath"): Layer =>
  ({ mediaType: `${MP}.${kind}.v1.${format}`, size: 4096, digest: `sha256:${digest}`, annotations: { [annotation]: path } });
const modelPack = (layers: Layer[], type = `${MP}.config.v1+json`, artifactType = `${MP}.manifest.v1+json`) => ({
  schemaVersion: 2,
  mediaType: "application/vnd.oci.image.manifest.v1+json",
  artifactType,
  config: { mediaType: type, size: 420, digest: "sha256:churn-config" },
  layers,
});

const CHURN = [
  layer("weight", "raw", "weights/churn.safetensors", "w1"),
  layer("weight.config", "tar", "weights/config.json", "c1"),
  layer("weight.config", "tar", "weights/tokenizer.json", "c2"),
  layer("doc", "tar", "README.md", "d1"),
  layer("doc", "tar", "LICENSE", "d2"),
  layer("dataset", "tar", "data/holdout.parquet", "s1"),
  layer("code", "tar", "serve/app.py", "k1"),
];
const diff = (d: string) => `sha256:${d}-uncompressed`;
const entry = (path: string, d: string, withDiff: boolean) => ({ path, digest: `sha256:${d}`, ...(withDiff ? { diffId: diff(d) } : {}) });
const churnKitfile = (withDiff: boolean) => ({
  manifestVersion: "1.0.0",
  model: { ...entry("weights/churn.safetensors", "w1", withDiff), parts: [entry("weights/config.json", "c1", withDiff), entry("weights/tokenizer.json", "c2", withDiff)] },
  docs: [entry("README.md", "d1", withDiff), entry("LICENSE", "d2", withDiff)],
  code: [entry("serve/app.py", "k1", withDiff)],
  datasets: [entry("data/holdout.parquet", "s1", withDiff)],
});

export const KIT_KITFILE_GENERATION_CASES: KitfileGenerationCase[] = [
  {
    origin: o("test-kitfile-for-manifest-and-config", C0),
    description: "manifest and config: every layer with its digest and the config's diffId",
    manifest: modelPack(CHURN),
    config: { modelfs: { type: "layers", diffIds: ["w1", "c1", "c2", "d1", "d2", "s1", "k1"].map(diff) } },
    kitfile: churnKitfile(true),
    errRegexp: null,
  },
  {
    origin: o("test-kitfile-for-manifest-without-config", C0),
    description: "manifest without a config: digests only",
    manifest: modelPack(CHURN),
    config: null,
    kitfile: churnKitfile(false),
    errRegexp: null,
  },
  {
    origin: o("test-manifest-with-multiple-model-weights", C0),
    description: "the first weight is the model, later weights are parts in layer order",
    manifest: modelPack([
      layer("weight", "raw", "shards/model-1-of-3.safetensors", "w1"),
      layer("weight.config", "tar", "shards/config.json", "c1"),
      layer("weight", "raw", "shards/model-2-of-3.safetensors", "w2"),
      layer("weight", "raw", "shards/model-3-of-3.safetensors", "w3"),
    ]),
    config: { modelfs: { type: "layers", diffIds: ["w1", "c1", "w2", "w3"].map(diff) } },
    kitfile: {
      manifestVersion: "1.0.0",
      model: {
        ...entry("shards/model-1-of-3.safetensors", "w1", true),
        parts: [entry("shards/config.json", "c1", true), entry("shards/model-2-of-3.safetensors", "w2", true), entry("shards/model-3-of-3.safetensors", "w3", true)],
      },
    },
    errRegexp: null,
  },
  {
    origin: o("test-error-invalid-diffid-in-config", C0),
    description: "a config with fewer diffIds than layers",
    manifest: modelPack(CHURN),
    config: { modelfs: { type: "layers", diffIds: ["w1", "c1"].map(diff) } },
    kitfile: null,
    errRegexp: "invalid ModelPack config",
  },
  {
    origin: o("test-error-invalid-layer-mediatype", E152),
    description: "a layer type ModelPack does not define",
    manifest: modelPack([layer("checkpoint", "raw", "weights/churn.ckpt", "w1")]),
    config: null,
    kitfile: null,
    errRegexp: "failed to parse media type",
  },
  {
    origin: o("test-error-invalid-layer-no-filepath-annotation", E152),
    description: "a layer whose path is under another annotation",
    manifest: modelPack([layer("weight", "raw", "weights/churn.safetensors", "w1", "org.example.path")]),
    config: null,
    kitfile: null,
    errRegexp: "unknown file path for layer",
  },
  {
    origin: o("test-error-not-a-modelpack", E152),
    description: "an artifact and config type that are not ModelPack",
    manifest: modelPack([layer("weight", "raw", "weights/churn.safetensors", "w1")], "application/vnd.example.bundle.config.v1+json", "application/vnd.example.bundle.v1"),
    config: null,
    kitfile: null,
    errRegexp: "not a modelpack artifact",
  },
];
