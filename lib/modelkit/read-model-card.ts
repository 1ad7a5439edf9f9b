import { isRfc3339 } from "./is-rfc3339";
import { MODEL_PACK_CONFIG_RULES } from "./model-pack-config-schema";
import type { ModelCard, ModelCardCapabilities, ModelCardConfig, ModelCardDescriptor } from "./types";
import { validateModelPackConfig } from "./validate-model-pack-config";

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(o: Obj, key: string): string | undefined {
  const v = o[key];
  return typeof v === "string" ? v : undefined;
}

function bool(o: Obj, key: string): boolean | undefined {
  const v = o[key];
  return typeof v === "boolean" ? v : undefined;
}

/** Real cards list a handful of authors, licenses or languages; a hostile one is cut here (and says so). */
const MAX_LIST_ITEMS = 100;
let listsCut = false;

/** Only the string items of a list: a card never renders objects from an untrusted config. */
function strings(o: Obj, key: string): string[] | undefined {
  const v = o[key];
  if (!Array.isArray(v)) return undefined;
  const items = v.filter((x): x is string => typeof x === "string");
  if (items.length <= MAX_LIST_ITEMS) return items;
  listsCut = true;
  return items.slice(0, MAX_LIST_ITEMS);
}

function setIf<T extends object, K extends keyof T>(target: T, key: K, value: T[K] | undefined): void {
  if (value !== undefined) target[key] = value;
}

function readDescriptor(d: Obj): ModelCardDescriptor {
  const out: ModelCardDescriptor = {};
  const createdAt = str(d, "createdAt");
  if (createdAt !== undefined) {
    out.createdAt = createdAt;
    out.createdAtValid = isRfc3339(createdAt);
  }
  setIf(out, "authors", strings(d, "authors"));
  for (const key of ["vendor", "family", "name", "version", "title", "description", "docURL", "sourceURL", "revision"] as const) {
    setIf(out, key, str(d, key));
  }
  setIf(out, "datasetsURL", strings(d, "datasetsURL"));
  setIf(out, "licenses", strings(d, "licenses"));
  return out;
}

function readCapabilities(c: Obj): ModelCardCapabilities {
  const out: ModelCardCapabilities = {};
  setIf(out, "inputTypes", strings(c, "inputTypes"));
  setIf(out, "outputTypes", strings(c, "outputTypes"));
  const cutoff = str(c, "knowledgeCutoff");
  if (cutoff !== undefined) {
    out.knowledgeCutoff = cutoff;
    out.knowledgeCutoffValid = isRfc3339(cutoff);
  }
  setIf(out, "reasoning", bool(c, "reasoning"));
  setIf(out, "toolUsage", bool(c, "toolUsage"));
  setIf(out, "reward", bool(c, "reward"));
  setIf(out, "languages", strings(c, "languages"));
  return out;
}

function readConfig(c: Obj): ModelCardConfig {
  const out: ModelCardConfig = {};
  for (const key of ["architecture", "format", "paramSize", "precision", "quantization"] as const) setIf(out, key, str(c, key));
  if (isObject(c.capabilities)) out.capabilities = readCapabilities(c.capabilities);
  return out;
}

/**
 * The ModelPack config as a model card: every field the spec defines, kept only when it has the
 * spec's type (anything else is reported by the schema check, never rendered), plus the schema
 * violations. Returns null when the value is not a JSON object at all.
 */
export function readModelCard(config: unknown): ModelCard | null {
  if (!isObject(config)) return null;
  listsCut = false;
  const descriptor = isObject(config.descriptor) ? readDescriptor(config.descriptor) : {};
  const cfg = isObject(config.config) ? readConfig(config.config) : {};
  const modelfs = isObject(config.modelfs) ? config.modelfs : {};
  const diffIds = Array.isArray(modelfs.diffIds) ? modelfs.diffIds.filter((x): x is string => typeof x === "string") : [];
  return {
    descriptor,
    config: cfg,
    diffIds,
    listsTruncated: listsCut,
    schemaIssues: validateModelPackConfig(config),
    schemaVersion: MODEL_PACK_CONFIG_RULES,
  };
}
