import { z } from "zod";
import { isRfc3339 } from "./is-rfc3339";

/**
 * Kitgate's statement of the ModelPack config rules (CNCF model-spec, docs/config.md): which fields exist,
 * their types, what is required, the modalities, RFC 3339 dates, two-letter language codes and no unknown
 * fields. Written here in zod from the spec's prose; `MODEL_PACK_CONFIG_RULES` names the spec revision it
 * follows so a card says what it was checked against.
 */
export const MODEL_PACK_CONFIG_RULES = "model-spec config rules (docs/config.md at d78bf3231b4f, after v0.0.7)";

export const MODALITIES = ["text", "image", "audio", "video", "embedding", "other"] as const;

/**
 * A hostile config can hold hundreds of thousands of bad list items; each list reports this many at most and
 * stops looking, so checking a 4 MiB config never builds a matching number of error objects.
 */
export const MAX_ISSUES_PER_LIST = 50;

type ItemProblem = (item: unknown) => string | null;

const mustBeString: ItemProblem = (v) => (typeof v === "string" ? null : "must be a string");
const mustBeModality: ItemProblem = (v) =>
  typeof v === "string" && (MODALITIES as readonly string[]).includes(v) ? null : `must be one of ${MODALITIES.join(", ")}`;
const mustBeLanguage: ItemProblem = (v) =>
  typeof v === "string" && /^[a-z]{2}$/.test(v) ? null : "must be a two-letter lowercase ISO 639-1 language code";

/** A JSON array whose items are checked one by one, reporting at most MAX_ISSUES_PER_LIST of them. */
function list(problemOf: ItemProblem, options: { nonEmpty?: string } = {}) {
  return z.array(z.unknown()).check((ctx) => {
    if (options.nonEmpty && ctx.value.length === 0) {
      ctx.issues.push({ code: "custom", message: options.nonEmpty, input: ctx.value });
      return;
    }
    let reported = 0;
    for (let i = 0; i < ctx.value.length && reported < MAX_ISSUES_PER_LIST; i++) {
      const problem = problemOf(ctx.value[i]);
      if (problem === null) continue;
      ctx.issues.push({ code: "custom", message: problem, path: [i], input: ctx.value[i] });
      reported++;
    }
  });
}

const dateTime = z.string().refine(isRfc3339, { message: "must be an RFC 3339 date-time such as 2025-01-31T12:00:00Z" });

const descriptor = z.strictObject({
  createdAt: dateTime.optional(),
  authors: list(mustBeString).optional(),
  vendor: z.string().optional(),
  family: z.string().optional(),
  name: z.string().min(1, { message: "must not be empty" }).optional(),
  version: z.string().optional(),
  revision: z.string().optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  docURL: z.string().optional(),
  sourceURL: z.string().optional(),
  datasetsURL: list(mustBeString).optional(),
  licenses: list(mustBeString).optional(),
});

const capabilities = z.strictObject({
  inputTypes: list(mustBeModality).optional(),
  outputTypes: list(mustBeModality).optional(),
  knowledgeCutoff: dateTime.optional(),
  reasoning: z.boolean().optional(),
  toolUsage: z.boolean().optional(),
  reward: z.boolean().optional(),
  languages: list(mustBeLanguage).optional(),
});

const config = z.strictObject({
  architecture: z.string().optional(),
  format: z.string().optional(),
  paramSize: z.string().optional(),
  precision: z.string().optional(),
  quantization: z.string().optional(),
  capabilities: capabilities.optional(),
});

const modelfs = z.strictObject({
  type: z.literal("layers"),
  diffIds: list(mustBeString, { nonEmpty: "must list at least one layer diff id" }),
});

export const modelPackConfigSchema = z.strictObject({ descriptor, config, modelfs });
