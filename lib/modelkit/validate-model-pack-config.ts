import type { z } from "zod";
import { modelPackConfigSchema } from "./model-pack-config-schema";
import type { ModelCardSchemaIssue } from "./types";

/** The card shows this many violations at most. */
export const MAX_SCHEMA_ISSUES = 50;

const A_TYPE: Record<string, string> = {
  string: "a string",
  boolean: "true or false",
  array: "a list",
  object: "an object",
};

/** Unknown field names come from untrusted JSON: a few, each cut short, are enough to find them. */
function quoteKeys(keys: string[]): string {
  const shown = keys.slice(0, 5).map((k) => JSON.stringify(k.length > 64 ? `${k.slice(0, 64)}…` : k));
  return keys.length > shown.length ? `${shown.join(", ")} and ${keys.length - shown.length} more` : shown.join(", ");
}

/** Kitgate's wording for each kind of violation (zod's defaults are written for form fields). */
function wording(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${A_TYPE[issue.expected] ?? issue.expected}`;
    case "invalid_value":
      return `must be ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "unrecognized_keys":
      return `has ${issue.keys.length === 1 ? "an unknown field" : "unknown fields"} ${quoteKeys(issue.keys)}`;
    default:
      return "is not valid";
  }
}

function pointer(path: PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** Checks a parsed ModelPack config against the model-spec rules; [] when it follows them. */
export function validateModelPackConfig(config: unknown): ModelCardSchemaIssue[] {
  const result = modelPackConfigSchema.safeParse(config, { error: wording });
  if (result.success) return [];
  return result.error.issues.slice(0, MAX_SCHEMA_ISSUES).map((issue) => {
    const at = pointer(issue.path);
    return { pointer: at, message: `${at || "(config)"} ${issue.message}` };
  });
}
