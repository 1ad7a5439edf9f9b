// kit's own `kit diff` goldens (testing/testdata/compare-manifest: manifests A–G and the expected
// DiffResult of each pair, run by TestCompareManifests in testing/compare-manifest_test.go), re-typed.
// Digests are the goldens' own placeholders (`sha256:layer1`).
import type { Origin } from "./origin";

const OLD = "c3efbf8e563010a61d01bcfe6f126037eabc8899";
const NEW = "71e0b6793af290cecc414ff44742334e7899cf66";
const KIT = "application/vnd.kitops.modelkit";
const CLI = "ml.kitops.modelkit.cli-version";
const FP = "org.cncf.model.filepath";

interface GoldenLayer { mediaType: string; digest: string; size: number; annotations?: Record<string, string> }
export interface GoldenManifest {
  file: string;
  manifestDigest: string;
  config: { mediaType: string; digest: string; size: number };
  layers: GoldenLayer[];
  annotations: Record<string, string>;
}
/** A layer in an expected result: digest plus filepath annotation (kit's comparison sorts by both). */
export interface GoldenLayerKey { digest: string; path?: string }
export interface CompareManifestCase {
  origin: Origin;
  a: GoldenManifest;
  b: GoldenManifest;
  sameConfig: boolean;
  annotationsMatch: boolean;
  shared: GoldenLayerKey[];
  uniqueA: GoldenLayerKey[];
  uniqueB: GoldenLayerKey[];
}

const base = (file: string, config: string, code: string, annotations: Record<string, string>, extra: GoldenLayer[] = []): GoldenManifest => ({
  file,
  manifestDigest: `sha256:${file}`,
  config: { mediaType: `${KIT}.config.v1+json`, digest: `sha256:${config}`, size: 409 },
  layers: [
    { mediaType: `${KIT}.model.v1.tar`, digest: "sha256:layer1", size: 123456789 },
    { mediaType: `${KIT}.code.v1.tar`, digest: `sha256:${code}`, size: 23456 },
    ...extra,
  ],
  annotations,
});
const empty = (path: string): GoldenLayer => ({ mediaType: `${KIT}.code.v1.raw`, digest: "sha256:layer4", size: 0, annotations: { [FP]: path } });

export const A = base("manifestA", "configA", "layer2", { [CLI]: "0.2.5-29dbdc4" });
const B = base("manifestB", "configB", "layer2", { [CLI]: "0.2.5-29dbdc4" });
const C = base("manifestC", "configA", "layer3", { [CLI]: "0.2.5-29dbdc4" });
const D = base("manifestD", "configA", "layer2", { somekey: "0.2.5-29dbdc4" });
const E = base("manifestE", "configE", "layerE", { [CLI]: "different_value" });
const F = base("manifestF", "configA", "layer2", { [CLI]: "0.2.5-29dbdc4" }, [empty("pkg_a/__init__.py"), empty("pkg_b/__init__.py")]);
const G = base("manifestG", "configA", "layer2", { [CLI]: "0.2.5-29dbdc4" }, [empty("pkg_b/__init__.py"), empty("pkg_c/__init__.py")]);

const o = (name: string, expected: string, commit: string): Origin => ({
  repo: "kitops-ml/kitops",
  path: `testing/testdata/compare-manifest/${expected}.json`,
  commit,
  case: `TestCompareManifests/${name}`,
});
const l = (d: string, path?: string): GoldenLayerKey => (path ? { digest: `sha256:${d}`, path } : { digest: `sha256:${d}` });

export const KIT_COMPARE_MANIFEST_CASES: CompareManifestCase[] = [
  { origin: o("DifferentConfig", "different-config", OLD), a: A, b: B, sameConfig: false, annotationsMatch: true,
    shared: [l("layer1"), l("layer2")], uniqueA: [], uniqueB: [] },
  { origin: o("SameConfigOneDifferentLayer", "different-layer", OLD), a: A, b: C, sameConfig: true, annotationsMatch: true,
    shared: [l("layer1")], uniqueA: [l("layer2")], uniqueB: [l("layer3")] },
  { origin: o("AnnotationsMismatch", "annotation-mismatch", OLD), a: A, b: D, sameConfig: true, annotationsMatch: false,
    shared: [l("layer1"), l("layer2")], uniqueA: [], uniqueB: [] },
  { origin: o("MixedDifference", "mixed-diff", OLD), a: A, b: E, sameConfig: false, annotationsMatch: false,
    shared: [l("layer1")], uniqueA: [l("layer2")], uniqueB: [l("layerE")] },
  { origin: o("DuplicateLayer", "duplicate-layer", NEW), a: F, b: A, sameConfig: true, annotationsMatch: true,
    shared: [l("layer1"), l("layer2")], uniqueA: [l("layer4", "pkg_a/__init__.py"), l("layer4", "pkg_b/__init__.py")], uniqueB: [] },
  { origin: o("DuplicateLayerInBoth", "duplicate-layer-both", NEW), a: F, b: F, sameConfig: true, annotationsMatch: true,
    shared: [l("layer1"), l("layer2"), l("layer4", "pkg_a/__init__.py"), l("layer4", "pkg_b/__init__.py")], uniqueA: [], uniqueB: [] },
  { origin: o("DuplicateLayerMoved", "duplicate-layer-moved", NEW), a: F, b: G, sameConfig: true, annotationsMatch: true,
    shared: [l("layer1"), l("layer2"), l("layer4", "pkg_b/__init__.py")], uniqueA: [l("layer4", "pkg_a/__init__.py")], uniqueB: [l("layer4", "pkg_c/__init__.py")] },
];
