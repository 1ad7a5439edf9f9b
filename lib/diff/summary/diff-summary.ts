import type { ModelKitView } from "@/lib/modelkit/types";
import {
  DIFF_SECTIONS, type DiffSection, type DiffSummary, type EntriesDiff, type KitfileChange, type ManifestDiff, type ModelCardChange,
  type ModelKitDiff, type SectionCounts,
} from "@/lib/diff/types";
import { diffManifests } from "@/lib/diff/manifest/diff-manifests";
import { diffKitfiles } from "@/lib/diff/kitfile/diff-kitfiles";
import { diffEntries } from "./diff-entries";
import { diffKitRejections, diffModelCards } from "./diff-model-cards";

export interface DiffParts {
  manifest: ManifestDiff;
  kitfile: KitfileChange[];
  entries: EntriesDiff;
  modelCard: ModelCardChange[];
  kitRejections: ModelKitDiff["kitRejections"];
}

/** The summary that leads every diff page and `GET /diff`. Pass already computed parts to avoid redoing them. */
export function diffSummary(a: ModelKitView, b: ModelKitView, parts: Partial<DiffParts> = {}): DiffSummary {
  const manifest = parts.manifest ?? diffManifests(a, b);
  const kitfile = parts.kitfile ?? diffKitfiles(a.kitfile, b.kitfile);
  const entries = parts.entries ?? diffEntries(a, b);
  const modelCard = parts.modelCard ?? diffModelCards(a.modelCard, b.modelCard);
  const kitRejections = parts.kitRejections ?? diffKitRejections(a.kitRejections, b.kitRejections);

  const sections = {} as Record<DiffSection, SectionCounts>;
  for (const section of DIFF_SECTIONS) {
    const counts: SectionCounts = { added: 0, removed: 0, changed: 0, unchanged: 0 };
    for (const e of entries[section] ?? []) counts[e.status]++;
    sections[section] = counts;
  }
  return {
    identical: manifest.identical,
    sections,
    layers: {
      shared: manifest.sharedLayers.length,
      uniqueA: manifest.uniqueToA.length,
      uniqueB: manifest.uniqueToB.length,
      recompressed: manifest.pairs.filter((p) => p.sameContent).length,
    },
    bytesDiffering: manifest.uniqueToB.reduce((sum, l) => sum + l.size, 0),
    cliVersionNoise: manifest.annotationsDifferOnlyByNoise,
    configChanged: !manifest.sameConfig,
    kitfileChanges: kitfile.length,
    modelCardChanges: modelCard.filter((c) => !c.noise).length,
    kitRejectionsIntroduced: kitRejections.introduced.length,
  };
}
