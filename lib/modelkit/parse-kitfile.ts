import { type Document, isMap, isPair, isScalar, isSeq, parseDocument } from "yaml";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MAX_KITFILE_BYTES, MAX_YAML_ALIASES } from "./constants";

/** Nesting a Kitfile's own fields never reaches; bounds the text-restoring walk on hostile documents. */
const MAX_YAML_DEPTH = 64;
import { formatIssues } from "./format-issues";
import type { Kitfile } from "./types";

export interface ParsedKitfile {
  kitfile: Kitfile;
  warnings: string[];
}

// Go's yaml.v3 decodes any scalar into a string field using its text, so `version: 1.0` is "1.0".
// The YAML reader below keeps that text (`keepScalarText`); for JSON, numbers become their JS text.
// A null decodes to Go's zero value: absent for a field, "" inside a list.
const text = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));
const optText = z.union([text, z.null()]).optional().transform((v) => (v === null ? undefined : v));
const listText = z.union([text, z.null()]).transform((v) => v ?? "");

type ObjectFactory = typeof z.object;

/**
 * The Kitfile schema (kitops pkg/artifact/kitfile.go). Built twice: strict, only to learn which keys
 * are unknown (kit rejects them; we warn), and stripping, to get the value we keep.
 */
function kitfileSchema(obj: ObjectFactory) {
  const layerInfo = { digest: optText, diffId: optText };
  const part = obj({ name: optText, path: optText, license: optText, type: optText, ...layerInfo });
  const model = obj({
    name: optText,
    path: optText,
    license: optText,
    framework: optText,
    format: optText,
    version: optText,
    description: optText,
    parts: z.array(part).optional(),
    parameters: z.unknown().optional(),
    // kit v0.1–v0.2 fields (pkg/artifact/kit-file.go at v0.2.5): kept and shown, never dropped.
    training: obj({ dataset: optText, parameters: z.unknown().optional() }).nullish().transform((v) => v ?? undefined),
    validation: obj({ dataset: optText, metrics: z.unknown().optional() }).nullish().transform((v) => v ?? undefined),
    ...layerInfo,
  });
  const code = obj({ path: optText, description: optText, license: optText, ...layerInfo });
  const dataset = obj({
    name: optText,
    path: optText,
    description: optText,
    license: optText,
    parameters: z.unknown().optional(),
    remotePath: optText,
    remoteHash: optText,
    preprocessing: optText,
    ...layerInfo,
  });
  const doc = obj({ path: optText, description: optText, ...layerInfo });
  const prompt = obj({ name: optText, path: optText, description: optText, ...layerInfo });
  const mcpServer = obj({ name: optText, path: optText, description: optText, ...layerInfo });
  const pkg = obj({
    name: optText,
    version: optText,
    description: optText,
    license: optText,
    authors: z.array(listText).nullish().transform((v) => v ?? undefined),
  });
  // Go's json/yaml decode `null` into a zero value; accept it the same way.
  const list = <T extends z.ZodType>(item: T) => z.array(item).nullish().transform((v) => v ?? undefined);
  return obj({
    manifestVersion: optText,
    package: pkg.nullish().transform((v) => v ?? undefined),
    model: model.nullish().transform((v) => v ?? undefined),
    code: list(code),
    datasets: list(dataset),
    docs: list(doc),
    prompts: list(prompt),
    mcpServers: list(mcpServer),
  });
}

const strictSchema = kitfileSchema(z.strictObject as unknown as ObjectFactory);
const strippingSchema = kitfileSchema(z.object);

function pathOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === "number" ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), "");
}

function unknownKeyWarnings(value: unknown): string[] {
  const result = strictSchema.safeParse(value);
  if (result.success) return [];
  const warnings: string[] = [];
  for (const issue of result.error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const where = pathOf(issue.path);
    for (const key of issue.keys) {
      warnings.push(`unknown Kitfile key ${where ? `${where}.${key}` : key} ignored`);
    }
  }
  return warnings;
}

/** Values below these keys are free-form JSON-like data; everything else in a Kitfile is a string field. */
const FREE_FORM_KEYS = new Set(["parameters", "metrics"]);

/**
 * yaml.v3 fills a Go string field with the scalar's text (`manifestVersion: 1.0` → "1.0", `version: 0x1F`
 * → "0x1F"); the core schema would have made them numbers. Put the source text back on every scalar
 * outside the free-form sections, before the document is turned into values.
 */
function keepScalarText(node: unknown, freeForm: boolean, depth = 0): void {
  if (depth > MAX_YAML_DEPTH || freeForm) return;
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? pair.key.value : pair.key;
      keepScalarText(pair.value, typeof key === "string" && FREE_FORM_KEYS.has(key), depth + 1);
    }
  } else if (isSeq(node)) {
    for (const item of node.items) keepScalarText(item, false, depth + 1);
  } else if (isScalar(node)) {
    const v = node.value;
    if ((typeof v === "number" || typeof v === "boolean" || typeof v === "bigint") && typeof node.source === "string") {
      node.value = node.source;
    }
  }
}

/** prettyErrors appends " at line L, column C:" and a source excerpt; we report the position ourselves. */
function firstLine(message: string): string {
  return (message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
}

function parseYaml(source: string): unknown {
  // Core schema: plain YAML 1.2 types only, no !!binary/!!set/!!timestamp or custom tags.
  const doc = parseDocument(source, { schema: "core", uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    const at = pos ? ` at line ${pos.line}, column ${pos.col}` : "";
    throw new AppError("MALFORMED_CONTENT", `Kitfile is not valid YAML${at}: ${firstLine(error.message)}`, {
      cause: error,
      details: pos ? { line: pos.line, col: pos.col } : undefined,
    });
  }
  const unresolvedTag = doc.warnings.find((w) => w.code === "TAG_RESOLVE_FAILED");
  if (unresolvedTag) {
    const pos = unresolvedTag.linePos?.[0];
    throw new AppError("MALFORMED_CONTENT", `Kitfile uses an unsupported YAML tag${pos ? ` at line ${pos.line}, column ${pos.col}` : ""}`, {
      details: pos ? { line: pos.line, col: pos.col } : undefined,
    });
  }
  keepScalarText((doc as Document).contents, false);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `Kitfile YAML could not be resolved: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

function parseJson(source: string): unknown {
  try {
    return JSON.parse(source) as unknown;
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `Kitfile is not valid JSON: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/**
 * Parses a Kitfile from YAML (as written by people) or JSON (the config blob, the ModelPack
 * annotation). Unknown keys are warnings, not failures: a dashboard must still show a kit written by
 * a newer or older kit. What kit itself would refuse is `validateKitfile`'s job.
 */
export function parseKitfile(input: string | Uint8Array, kind: "json" | "yaml"): ParsedKitfile {
  let source: string;
  if (typeof input === "string") {
    source = input;
  } else if (input instanceof Uint8Array) {
    if (input.byteLength > MAX_KITFILE_BYTES) {
      throw new AppError("LIMIT_EXCEEDED", `Kitfile is ${input.byteLength} bytes; the limit is ${MAX_KITFILE_BYTES}`);
    }
    try {
      source = new TextDecoder("utf-8", { fatal: true }).decode(input);
    } catch (cause) {
      throw new AppError("MALFORMED_CONTENT", "Kitfile is not valid UTF-8", { cause });
    }
  } else {
    throw new TypeError("parseKitfile: input must be a string or Uint8Array");
  }
  // Length in UTF-16 units is at least the byte count / 3; check bytes exactly only when cheap.
  if (source.length > MAX_KITFILE_BYTES || new TextEncoder().encode(source).byteLength > MAX_KITFILE_BYTES) {
    throw new AppError("LIMIT_EXCEEDED", `Kitfile is larger than ${MAX_KITFILE_BYTES} bytes`);
  }

  const value = kind === "yaml" ? parseYaml(source) : parseJson(source);
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new AppError("MALFORMED_CONTENT", "Kitfile must be a mapping of keys to values");
  }
  const parsed = strippingSchema.safeParse(value);
  if (!parsed.success) {
    throw new AppError("MALFORMED_CONTENT", `Kitfile is invalid: ${formatIssues(parsed.error.issues)}`);
  }
  const warnings = unknownKeyWarnings(value);
  if (parsed.data.manifestVersion === undefined) warnings.unshift("Kitfile has no manifestVersion");
  return { kitfile: dropUndefined(parsed.data) as Kitfile, warnings };
}

/** zod leaves `key: undefined` for absent optionals; views and YAML output should not see them. */
function dropUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(dropUndefined);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      // defineProperty, not `out[k] =`: a hostile "__proto__" key must stay a plain data key.
      if (v !== undefined) Object.defineProperty(out, k, { value: dropUndefined(v), enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}
