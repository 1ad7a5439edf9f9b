import type { ModelKitView } from "@/lib/modelkit/types";
import type { ModelKitDiff } from "@/lib/diff/types";
import { diffManifests } from "@/lib/diff/manifest/diff-manifests";
import { diffKitfiles } from "@/lib/diff/kitfile/diff-kitfiles";
import { diffEntries } from "./diff-entries";
import { diffKitRejections, diffModelCards } from "./diff-model-cards";
import { diffSummary } from "./diff-summary";

/** Everything `GET /diff` returns before any layer is opened: summary, manifest, Kitfile, entries, model card, kit's verdicts. */
export function diffModelKits(a: ModelKitView, b: ModelKitView): ModelKitDiff {
  const manifest = diffManifests(a, b);
  const kitfile = diffKitfiles(a.kitfile, b.kitfile);
  const entries = diffEntries(a, b);
  const modelCard = diffModelCards(a.modelCard, b.modelCard);
  const kitRejections = diffKitRejections(a.kitRejections, b.kitRejections);
  return { summary: diffSummary(a, b, { manifest, kitfile, entries, modelCard, kitRejections }), manifest, kitfile, entries, modelCard, kitRejections };
}
