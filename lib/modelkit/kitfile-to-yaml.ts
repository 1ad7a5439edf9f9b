import { stringify } from "yaml";
import type { Kitfile } from "./types";

// Key order of kit's Go structs, so the text reads like `kit info` output.
const TOP = ["manifestVersion", "package", "model", "code", "datasets", "docs", "prompts", "mcpServers"] as const;
const ORDER: Record<string, readonly string[]> = {
  package: ["name", "version", "description", "authors", "license"],
  model: ["name", "path", "license", "framework", "format", "version", "description", "parts", "parameters"],
  parts: ["name", "path", "license", "type"],
  code: ["path", "description", "license"],
  datasets: ["name", "path", "description", "license", "parameters", "remotePath", "remoteHash"],
  docs: ["path", "description"],
  prompts: ["name", "path", "description"],
  mcpServers: ["name", "path", "description"],
};

function pick(section: string, value: unknown): unknown {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map((item) => pick(section, item));
  const keys = ORDER[section];
  if (!keys || typeof value !== "object") return value;
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of keys) {
    const v = key === "parts" ? pick("parts", source[key]) : source[key];
    if (v !== undefined) out[key] = v;
  }
  return out;
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
  return stringify(doc, { lineWidth: 0, aliasDuplicateObjects: false });
}
