import { Document, isMap, isPair, isScalar, isSeq, type Node, YAMLSeq } from "yaml";
import type { Kitfile } from "./types";

// Key order of kit's Go structs (pkg/artifact/kitfile.go), so the text reads like `kit info` output.
// The kit v0.1–v0.2 fields (training, validation, preprocessing) come last in their section.
const TOP = ["manifestVersion", "package", "model", "code", "datasets", "docs", "prompts", "mcpServers"] as const;
const ORDER: Record<string, readonly string[]> = {
  package: ["name", "version", "description", "license", "authors"],
  model: ["name", "path", "license", "framework", "format", "version", "description", "parts", "parameters", "training", "validation"],
  parts: ["name", "path", "license", "type"],
  code: ["path", "description", "license"],
  datasets: ["name", "path", "description", "license", "parameters", "remotePath", "remoteHash", "preprocessing"],
  docs: ["path", "description"],
  prompts: ["name", "path", "description"],
  mcpServers: ["name", "path", "description"],
  training: ["dataset", "parameters"],
  validation: ["dataset", "metrics"],
};
const FREE_FORM = new Set(["parameters", "metrics"]);

/** yaml.v3 writes map keys sorted; kit's free-form sections come out that way. */
function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === "object") {
    const o = v as Record<string, unknown>;
    return Object.fromEntries(Object.keys(o).sort().map((k) => [k, sortDeep(o[k])]));
  }
  return v;
}

function pick(section: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => pick(section, item));
  const keys = ORDER[section];
  if (!keys || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const raw = source[key];
    const v = FREE_FORM.has(key) ? sortDeep(raw) : ORDER[key] ? pick(key, raw) : raw;
    if (v !== undefined && v !== "") out[key] = v;
  }
  return out;
}

/** `authors` is `yaml:"authors,omitempty,flow"`: kit writes `authors: [Ana, Bo]`. */
function flowAuthors(node: Node | null | undefined): void {
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isPair(pair)) continue;
    const key = isScalar(pair.key) ? pair.key.value : null;
    if (key === "package" && isMap(pair.value)) {
      for (const p of pair.value.items) {
        if (isPair(p) && isScalar(p.key) && p.key.value === "authors" && isSeq(p.value)) (p.value as YAMLSeq).flow = true;
      }
    }
  }
}

/**
 * Renders a Kitfile as YAML for display, without the per-layer `digest`/`diffId` that only live in
 * the config JSON (kit's `yaml:"-"` tags), as `kit info` shows it.
 */
export function kitfileToYaml(kitfile: Kitfile): string {
  const doc: Record<string, unknown> = {};
  for (const key of TOP) {
    const v = key === "manifestVersion" ? kitfile.manifestVersion : pick(key, kitfile[key]);
    if (v !== undefined) doc[key] = v;
  }
  const yaml = new Document(doc, { aliasDuplicateObjects: false });
  flowAuthors(yaml.contents as Node);
  return yaml.toString({ lineWidth: 0, flowCollectionPadding: false });
}
