import type { Annotations } from "@/lib/oci/types";
import type { AnnotationChange, LayerPair, LayerRef, ManifestDiff } from "@/lib/diff/types";
import { toLayerRef, type LayerLike } from "./to-layer-ref";

/** A raw manifest with its digest (`{ ...manifest, manifestDigest }`) or a `ModelKitView` both fit. */
export interface ManifestSide {
  manifestDigest: string;
  config: { digest: string } | null;
  annotations?: Annotations;
  layers: LayerLike[];
}

/**
 * Keys whose change says nothing about the content: every kit release writes its own version, and
 * current kit writes the pack time on every pack (SOURCE_DATE_EPOCH or now), so two packs of the same
 * files differ there.
 */
const NOISE_ANNOTATIONS = new Set(["ml.kitops.modelkit.cli-version", "org.opencontainers.image.created"]);

function diffAnnotations(a: Annotations, b: Annotations): AnnotationChange[] {
  const changes: AnnotationChange[] = [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of [...keys].sort()) {
    const inA = Object.hasOwn(a, key);
    const inB = Object.hasOwn(b, key);
    const noise = NOISE_ANNOTATIONS.has(key);
    if (inA && !inB) changes.push({ key, kind: "removed", before: a[key], noise });
    else if (!inA && inB) changes.push({ key, kind: "added", after: b[key], noise });
    else if (a[key] !== b[key]) changes.push({ key, kind: "changed", before: a[key], after: b[key], noise });
  }
  return changes;
}

function byMediaType(x: LayerRef, y: LayerRef): number {
  if (x.mediaType !== y.mediaType) return x.mediaType < y.mediaType ? -1 : 1;
  if (x.digest !== y.digest) return x.digest < y.digest ? -1 : 1;
  return 0;
}

/**
 * Layers unique to each side that carry the same Kitfile entry. Matched by kind + path; old kits
 * without paths fall back to "the only unique layer of its kind on each side", which is how kit
 * itself matched layers before they carried paths (position within each type).
 */
function pairUniqueLayers(uniqueA: LayerRef[], uniqueB: LayerRef[]): LayerPair[] {
  const pairs: LayerPair[] = [];
  const usedB = new Set<number>();
  const usedA = new Set<number>();
  const byKey = new Map<string, number[]>();
  uniqueB.forEach((layer, i) => {
    if (layer.path === null) return;
    const key = `${layer.kind}\u0000${layer.path}`;
    const list = byKey.get(key);
    if (list) list.push(i);
    else byKey.set(key, [i]);
  });
  uniqueA.forEach((a, ai) => {
    if (a.path === null) return;
    const list = byKey.get(`${a.kind}\u0000${a.path}`);
    const bi = list?.shift();
    if (bi === undefined) return;
    const b = uniqueB[bi]!;
    usedA.add(ai);
    usedB.add(bi);
    pairs.push({ kind: a.kind, path: a.path, a, b, sameContent: a.diffId !== null && a.diffId === b.diffId });
  });

  const restA = uniqueA.filter((l, i) => !usedA.has(i) && l.path === null);
  const restB = uniqueB.filter((l, i) => !usedB.has(i) && l.path === null);
  for (const kind of new Set(restA.map((l) => l.kind))) {
    const ofKindA = restA.filter((l) => l.kind === kind);
    const ofKindB = restB.filter((l) => l.kind === kind);
    if (ofKindA.length === 1 && ofKindB.length === 1) {
      const a = ofKindA[0]!;
      const b = ofKindB[0]!;
      pairs.push({ kind, path: null, a, b, sameContent: a.diffId !== null && a.diffId === b.diffId });
    }
  }
  return pairs.sort((x, y) =>
    x.kind !== y.kind ? (x.kind < y.kind ? -1 : 1) : (x.path ?? "") < (y.path ?? "") ? -1 : (x.path ?? "") > (y.path ?? "") ? 1 : 0);
}

/**
 * `kit diff` (kitops pkg/cmd/diff/diff.go) plus what it leaves out: annotation changes with the
 * CLI-version noise flagged, and pairs of unique layers that carry the same entry.
 * Layers are a multiset: the same digest may appear twice (two identical files at different paths),
 * so a B layer consumes one A layer with that digest whose filepath annotation agrees (or either has none).
 */
export function diffManifests(a: ManifestSide, b: ManifestSide): ManifestDiff {
  const annotationsA = a.annotations ?? {};
  const annotationsB = b.annotations ?? {};
  const annotationChanges = diffAnnotations(annotationsA, annotationsB);

  const layersA = a.layers.map(toLayerRef);
  const layersB = b.layers.map(toLayerRef);
  const remainingA = new Map<string, LayerRef[]>();
  for (const layer of layersA) {
    const list = remainingA.get(layer.digest);
    if (list) list.push(layer);
    else remainingA.set(layer.digest, [layer]);
  }
  const shared: LayerRef[] = [];
  const uniqueToB: LayerRef[] = [];
  for (const layer of layersB) {
    const candidates = remainingA.get(layer.digest) ?? [];
    // kit compares only the layers' own filepath annotations, and a layer without one (kits before
    // v1.10) matches any path: a file renamed in the Kitfile but unchanged is still a shared layer.
    const idx = candidates.findIndex((c) => c.annotatedPath === null || layer.annotatedPath === null || c.annotatedPath === layer.annotatedPath);
    if (idx >= 0) {
      shared.push(layer);
      candidates.splice(idx, 1);
    } else {
      uniqueToB.push(layer);
    }
  }
  const uniqueToA = [...remainingA.values()].flat();

  shared.sort(byMediaType);
  uniqueToA.sort(byMediaType);
  uniqueToB.sort(byMediaType);

  return {
    identical: a.manifestDigest === b.manifestDigest,
    sameConfig: (a.config?.digest ?? null) === (b.config?.digest ?? null),
    configDigestA: a.config?.digest ?? null,
    configDigestB: b.config?.digest ?? null,
    annotationsMatch: annotationChanges.length === 0,
    annotationChanges,
    annotationsDifferOnlyByNoise: annotationChanges.length > 0 && annotationChanges.every((c) => c.noise),
    sharedLayers: shared,
    uniqueToA,
    uniqueToB,
    pairs: pairUniqueLayers(uniqueToA, uniqueToB),
  };
}
