import type { ModelCard, ModelKitView } from "@/lib/modelkit/types";
import type { ModelCardSummary, VersionDTO } from "../dto";

/** Bump when the interpretation of a manifest changes: stored summaries older than this are recomputed. */
export const SUMMARY_VERSION = 1;

/** Lists show a few words per version; longer values are cut (the version page shows them whole). */
const MAX_CARD_TEXT = 120;

const text = (v: string | undefined) => (v === undefined || v === "" ? null : v.length > MAX_CARD_TEXT ? `${v.slice(0, MAX_CARD_TEXT)}…` : v);

export function summariseModelCard(card: ModelCard | null): ModelCardSummary | null {
  if (!card) return null;
  const d = card.descriptor;
  const c = card.config;
  return {
    title: text(d.title ?? d.name),
    vendor: text(d.vendor),
    family: text(d.family),
    architecture: text(c.architecture),
    paramSize: text(c.paramSize),
    precision: text(c.precision),
    quantization: text(c.quantization),
    licenses: (d.licenses ?? []).slice(0, 10).map((l) => text(l) ?? "").filter(Boolean),
    schemaIssues: card.schemaIssues.length,
  };
}

/** The columns of a version list row, from an interpreted manifest (pure). */
export function summariseVersion(digest: string, tags: string[], view: ModelKitView): VersionDTO {
  const k = view.kitfile;
  // A ModelPack without the Kitfile annotation has no package section: its descriptor names it instead.
  const d = view.modelCard?.descriptor;
  return {
    digest,
    tags,
    format: view.format,
    packageName: k?.package?.name ?? d?.name ?? null,
    packageVersion: k?.package?.version ?? d?.version ?? null,
    authors: k?.package?.authors ?? d?.authors?.slice(0, 10) ?? [],
    modelName: k?.model?.name ?? null,
    framework: k?.model?.framework ?? null,
    modelFormat: k?.model?.format ?? view.modelCard?.config.format ?? null,
    totalSize: view.totalSize,
    cliVersion: view.cliVersion,
    card: summariseModelCard(view.modelCard),
    kitRejections: view.kitRejections.length,
    error: null,
    attestation: null,
  };
}
