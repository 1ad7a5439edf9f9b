// Manifest pairs written for Kitgate, one per rule of `kit diff` (kit's TestCompareManifests in
// testing/compare-manifest_test.go and its goldens in testing/testdata/compare-manifest): a different config,
// one different layer, different annotations, everything different, and a layer digest that appears more
// than once (empty files under different filepath annotations). Each row names the kit case whose rule it
// checks; the manifests and digests are ours (readable placeholders, as the comparison never hashes).
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

const kit = (name: string, config: string, src: string, annotations: Record<string, string>, extra: GoldenLayer[] = []): GoldenManifest => ({
  file: name,
  manifestDigest: `sha256:kit-${name}`,
  config: { mediaType: `${KIT}.config.v1+json`, digest: `sha256:${config}`, size: 512 },
  layers: [
    { mediaType: `${KIT}.model.v1.tar`, digest: "sha256:churn-weights", size: 48_000_000 },
    { mediaType: `${KIT}.code.v1.tar`, digest: `sha256:${src}`, size: 12_288 },
    ...extra,
  ],
  annotations,
});
/** An empty Python package marker: every copy has the same digest, only the filepath annotation differs. */
const emptyFile = (path: string): GoldenLayer => ({ mediaType: `${KIT}.code.v1.raw`, digest: "sha256:empty-file", size: 0, annotations: { [FP]: path } });

const V1 = kit("v1", "config-v1", "src-v1", { [CLI]: "1.4.0-1a2b3c4" });
const V1_RETUNED = kit("v1-retuned", "config-v1-retuned", "src-v1", { [CLI]: "1.4.0-1a2b3c4" });
const V1_NEW_SRC = kit("v1-new-src", "config-v1", "src-v1-patched", { [CLI]: "1.4.0-1a2b3c4" });
const V1_OTHER_ANNOTATION = kit("v1-other-annotation", "config-v1", "src-v1", { "org.example.pipeline-run": "1.4.0-1a2b3c4" });
const V2 = kit("v2", "config-v2", "src-v2", { [CLI]: "1.6.2-9f8e7d6" });
const WITH_PACKAGES = kit("with-packages", "config-v1", "src-v1", { [CLI]: "1.4.0-1a2b3c4" }, [emptyFile("features/__init__.py"), emptyFile("scoring/__init__.py")]);
const PACKAGE_MOVED = kit("package-moved", "config-v1", "src-v1", { [CLI]: "1.4.0-1a2b3c4" }, [emptyFile("scoring/__init__.py"), emptyFile("serving/__init__.py")]);

const o = (name: string, golden: string, commit: string): Origin => ({
  repo: "kitops-ml/kitops",
  path: `testing/testdata/compare-manifest/${golden}.json`,
  commit,
  case: `TestCompareManifests/${name}`,
});
const l = (d: string, path?: string): GoldenLayerKey => (path ? { digest: `sha256:${d}`, path } : { digest: `sha256:${d}` });

export const KIT_COMPARE_MANIFEST_CASES: CompareManifestCase[] = [
  { origin: o("DifferentConfig", "different-config", OLD), a: V1, b: V1_RETUNED, sameConfig: false, annotationsMatch: true,
    shared: [l("churn-weights"), l("src-v1")], uniqueA: [], uniqueB: [] },
  { origin: o("SameConfigOneDifferentLayer", "different-layer", OLD), a: V1, b: V1_NEW_SRC, sameConfig: true, annotationsMatch: true,
    shared: [l("churn-weights")], uniqueA: [l("src-v1")], uniqueB: [l("src-v1-patched")] },
  { origin: o("AnnotationsMismatch", "annotation-mismatch", OLD), a: V1, b: V1_OTHER_ANNOTATION, sameConfig: true, annotationsMatch: false,
    shared: [l("churn-weights"), l("src-v1")], uniqueA: [], uniqueB: [] },
  { origin: o("MixedDifference", "mixed-diff", OLD), a: V1, b: V2, sameConfig: false, annotationsMatch: false,
    shared: [l("churn-weights")], uniqueA: [l("src-v1")], uniqueB: [l("src-v2")] },
  { origin: o("DuplicateLayer", "duplicate-layer", NEW), a: WITH_PACKAGES, b: V1, sameConfig: true, annotationsMatch: true,
    shared: [l("churn-weights"), l("src-v1")], uniqueA: [l("empty-file", "features/__init__.py"), l("empty-file", "scoring/__init__.py")], uniqueB: [] },
  { origin: o("DuplicateLayerInBoth", "duplicate-layer-both", NEW), a: WITH_PACKAGES, b: WITH_PACKAGES, sameConfig: true, annotationsMatch: true,
    shared: [l("churn-weights"), l("src-v1"), l("empty-file", "features/__init__.py"), l("empty-file", "scoring/__init__.py")], uniqueA: [], uniqueB: [] },
  { origin: o("DuplicateLayerMoved", "duplicate-layer-moved", NEW), a: WITH_PACKAGES, b: PACKAGE_MOVED, sameConfig: true, annotationsMatch: true,
    shared: [l("churn-weights"), l("src-v1"), l("empty-file", "scoring/__init__.py")], uniqueA: [l("empty-file", "features/__init__.py")], uniqueB: [l("empty-file", "serving/__init__.py")] },
];
