import Ajv2020, { type ErrorObject, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";
import configSchema from "./model-spec/config-schema.json";
import type {
  ModelCard,
  ModelCardCapabilities,
  ModelCardConfig,
  ModelCardDescriptor,
  ModelCardSchemaIssue,
} from "./types";

/**
 * The vendored schema is model-spec's `schema/config-schema.json` byte for byte (JSON Schema 2020-12),
 * from the main branch at this commit; the file last changed in fe63fc3 (2026-02-25), after tag v0.0.7.
 * model-spec validates with `AssertFormat`, so `date-time` is enforced here too (ajv-formats).
 */
export const MODEL_SPEC_SCHEMA_VERSION = "modelpack/model-spec@d78bf3231b4f (schema/config-schema.json, draft 2020-12)";

/** A hostile config could produce one error per array item; the card shows the first ones. */
const MAX_SCHEMA_ISSUES = 50;
/**
 * Above this size a config is checked for its first violation only: collecting every error of a 4 MiB
 * config with 800k bad array items would build 800k error objects. Real configs are a few hundred bytes.
 */
export const ALL_ERRORS_MAX_BYTES = 64 * 1024;

const validators = new Map<boolean, ValidateFunction>();

function compiledValidator(allErrors: boolean): ValidateFunction {
  let v = validators.get(allErrors);
  if (!v) {
    // allErrors: a reviewer wants every violation at once, not one per page load.
    const ajv = new Ajv2020({ allErrors, strict: false });
    addFormats(ajv, ["date-time"]);
    v = ajv.compile(configSchema);
    validators.set(allErrors, v);
  }
  return v;
}

function describe(error: ErrorObject): ModelCardSchemaIssue {
  const where = error.instancePath || "(config)";
  let message = `${where} ${error.message ?? "is invalid"}`;
  if (error.keyword === "additionalProperties") {
    message = `${where} has unknown field ${JSON.stringify((error.params as { additionalProperty?: string }).additionalProperty)}`;
  } else if (error.keyword === "enum") {
    message = `${where} must be one of ${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(", ")}`;
  } else if (error.keyword === "format") {
    message = `${where} must be an RFC 3339 date-time`;
  }
  return { pointer: error.instancePath, message };
}

/** Validates a parsed config against model-spec's JSON schema (every violation, or the first for big configs). */
export function validateModelPackConfig(config: unknown, allErrors = true): ModelCardSchemaIssue[] {
  const validate = compiledValidator(allErrors);
  if (validate(config)) return [];
  return (validate.errors ?? []).slice(0, MAX_SCHEMA_ISSUES).map(describe);
}

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

// RFC 3339 §5.6 date-time, the grammar model-spec's `format: date-time` asks for.
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

export function isRfc3339(value: string): boolean {
  if (!RFC3339.test(value)) return false;
  return !Number.isNaN(Date.parse(value.replace(" ", "T")));
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
 * violations. `sizeBytes` (of the config blob) decides whether every violation is collected. Returns
 * null when the value is not a JSON object at all.
 */
export function readModelCard(config: unknown, sizeBytes = 0): ModelCard | null {
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
    schemaIssues: validateModelPackConfig(config, sizeBytes <= ALL_ERRORS_MAX_BYTES),
    schemaVersion: MODEL_SPEC_SCHEMA_VERSION,
  };
}
