import { describe, expect, it } from "vitest";
import type { ImageManifest } from "@/lib/oci/types";
import { diffManifests } from "./diff-manifests";
import { KIT_COMPARE_MANIFEST_CASES } from "@/test/reference/kitops-compare-manifest-cases";
import { originLabel } from "@/test/reference/origin";

const KIT_CONFIG = "application/vnd.kitops.modelkit.config.v1+json";
const MODEL_TAR = "application/vnd.kitops.modelkit.model.v1.tar";
const CODE_TAR = "application/vnd.kitops.modelkit.code.v1.tar";
const CLI = "ml.kitops.modelkit.cli-version";

function manifest(config: string, codeLayer: string, annotations: Record<string, string>): ImageManifest {
  return {
    schemaVersion: 2,
    config: { mediaType: KIT_CONFIG, digest: `sha256:${config}`, size: 411 },
    layers: [
      { mediaType: MODEL_TAR, digest: "sha256:weights-1", size: 98_765_432 },
      { mediaType: CODE_TAR, digest: `sha256:${codeLayer}`, size: 31_337 },
    ],
    annotations,
  };
}
const side = (digest: string, m: ImageManifest) => ({ ...m, manifestDigest: `sha256:${digest}` });

const A = side("mA", manifest("cfg-a", "src-1", { [CLI]: "1.2.0-aaaaaaa" }));
const B = side("mB", manifest("cfg-b", "src-1", { [CLI]: "1.2.0-aaaaaaa" }));
const C = side("mC", manifest("cfg-a", "src-2", { [CLI]: "1.2.0-aaaaaaa" }));
const D = side("mD", manifest("cfg-a", "src-1", { "example.com/other": "1.2.0-aaaaaaa" }));
const E = side("mE", manifest("cfg-e", "src-e", { [CLI]: "1.3.1-bbbbbbb" }));

/** kit's golden comparison: sorted by digest, then by filepath annotation. */
const keys = (layers: { digest: string; annotatedPath: string | null }[]) =>
  layers
    .map((l) => (l.annotatedPath ? { digest: l.digest, path: l.annotatedPath } : { digest: l.digest }))
    .sort((x, y) => (x.digest + (x.path ?? "") < y.digest + (y.path ?? "") ? -1 : 1));

describe("diffManifests: the rules of kit diff's goldens", () => {
  it.each(KIT_COMPARE_MANIFEST_CASES.map((c) => [originLabel(c.origin), c] as const))("%s", (_label, c) => {
    const d = diffManifests(c.a, c.b);
    expect(d.sameConfig).toBe(c.sameConfig);
    expect(d.annotationsMatch).toBe(c.annotationsMatch);
    expect(keys(d.sharedLayers)).toEqual(keys(c.shared.map((k) => ({ digest: k.digest, annotatedPath: k.path ?? null }))));
    expect(keys(d.uniqueToA)).toEqual(keys(c.uniqueA.map((k) => ({ digest: k.digest, annotatedPath: k.path ?? null }))));
    expect(keys(d.uniqueToB)).toEqual(keys(c.uniqueB.map((k) => ({ digest: k.digest, annotatedPath: k.path ?? null }))));
  });

  it("reports identical kits by manifest digest", () => {
    const d = diffManifests(A, { ...A });
    expect(d.identical).toBe(true);
    expect(d.uniqueToA).toEqual([]);
    expect(d.uniqueToB).toEqual([]);
  });

  it("sorts layer lists by media type like kit diff", () => {
    const d = diffManifests(A, B);
    expect(d.sharedLayers.map((l) => l.mediaType)).toEqual([CODE_TAR, MODEL_TAR]);
  });

  it("matches a layer without a filepath annotation by any path, as kit does (a renamed entry is shared)", () => {
    const a = { manifestDigest: "sha256:1", config: null, layers: [{ mediaType: CODE_TAR, digest: "sha256:same", size: 5, kind: "code" as const, path: "src" }] };
    const b = { manifestDigest: "sha256:2", config: null, layers: [{ mediaType: CODE_TAR, digest: "sha256:same", size: 5, kind: "code" as const, path: "source" }] };
    const d = diffManifests(a, b);
    expect(d.sharedLayers.map((l) => l.path)).toEqual(["source"]);
    expect(d.uniqueToA).toEqual([]);
    expect(d.uniqueToB).toEqual([]);
  });
});

describe("diffManifests: beyond kit diff", () => {
  it("flags a created-time change as noise, like the CLI version (current kit stamps every pack)", () => {
    const created = (t: string) => side("mT" + t, manifest("cfg-a", "src-1", { [CLI]: "1.11.0", "org.opencontainers.image.created": t }));
    const d = diffManifests(created("2026-01-01T00:00:00Z"), created("2026-02-01T00:00:00Z"));
    expect(d.annotationsMatch).toBe(false);
    expect(d.annotationsDifferOnlyByNoise).toBe(true);
  });

  it("flags a cli-version-only annotation change as noise", () => {
    const d = diffManifests(A, E);
    expect(d.annotationChanges).toEqual([
      { key: CLI, kind: "changed", before: "1.2.0-aaaaaaa", after: "1.3.1-bbbbbbb", noise: true },
    ]);
    expect(d.annotationsDifferOnlyByNoise).toBe(true);
  });

  it("does not call a real annotation change noise", () => {
    const d = diffManifests(A, D);
    expect(d.annotationChanges.map((c) => [c.key, c.kind, c.noise])).toEqual([
      ["example.com/other", "added", false],
      [CLI, "removed", true],
    ]);
    expect(d.annotationsDifferOnlyByNoise).toBe(false);
  });

  it("pairs the only changed code layer of old kits without paths", () => {
    const d = diffManifests(A, C);
    expect(d.pairs).toHaveLength(1);
    expect(d.pairs[0]).toMatchObject({ kind: "code", path: null, sameContent: false });
  });

  it("treats layers as a multiset: identical empty files at different paths", () => {
    const raw = "application/vnd.kitops.modelkit.code.v1.raw";
    const at = (path: string) => ({
      mediaType: raw, digest: "sha256:empty", size: 0, annotations: { "org.cncf.model.filepath": path },
    });
    const base = manifest("cfg", "src-1", {});
    const F = side("mF", { ...base, layers: [...base.layers, at("pkg_a/__init__.py"), at("pkg_b/__init__.py")] });
    const G = side("mG", { ...base, layers: [...base.layers, at("pkg_b/__init__.py"), at("pkg_c/__init__.py")] });
    const d = diffManifests(F, G);
    expect(d.sharedLayers.map((l) => l.path ?? l.digest).sort()).toEqual(["pkg_b/__init__.py", "sha256:src-1", "sha256:weights-1"].sort());
    expect(d.uniqueToA.map((l) => l.path)).toEqual(["pkg_a/__init__.py"]);
    expect(d.uniqueToB.map((l) => l.path)).toEqual(["pkg_c/__init__.py"]);
  });

  it("recognises a recompressed layer by equal diffId", () => {
    const layer = (digest: string, mediaType: string, diffId: string) =>
      ({ mediaType, digest, size: 10, kind: "dataset" as const, path: "data/train.csv", diffId });
    const a = { manifestDigest: "sha256:1", config: null, layers: [layer("sha256:plain", "application/vnd.kitops.modelkit.dataset.v1.tar", "sha256:plain")] };
    const b = { manifestDigest: "sha256:2", config: null, layers: [layer("sha256:zipped", "application/vnd.kitops.modelkit.dataset.v1.tar+gzip", "sha256:plain")] };
    const d = diffManifests(a, b);
    expect(d.pairs).toEqual([expect.objectContaining({ kind: "dataset", path: "data/train.csv", sameContent: true })]);
  });
});
