import picomatch from "picomatch";
import { z } from "zod";

// Schema of one policy file (policies/*.yaml) as a person writes it. parse-policy-files.ts merges the files
// and checks what one file cannot know (tier names used by rules, environments, trust key names).

const SEVERITIES = ["info", "anomaly", "concern", "error"] as const;

/** Glob grammar of repository/tag patterns; brackets and braces must balance so a typo fails at load. */
const glob = z
  .string()
  .min(1)
  .max(300)
  .regex(/^[A-Za-z0-9*?._{},!\[\]/:@+-]+$/, "must be a glob over repository names or tags (no spaces)")
  .refine((s) => !s.includes(".."), "must not contain `..`")
  .refine((s) => {
    try {
      picomatch.makeRe(s, { bash: true, strictBrackets: true });
      return true;
    } catch {
      return false;
    }
  }, "is not a valid glob (unbalanced [ ] or { })");

const name = z.string().min(1).max(100);
const predicateType = z.string().min(1).max(500);

const DURATION_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 };
/** `30d`, `12h`, `90m`, `2w`: how long an attestation stays acceptable. */
const duration = z
  .string()
  .regex(/^\s*\d+\s*[mhdw]\s*$/, "must be a duration like 90m, 12h, 30d or 2w")
  .transform((s) => {
    const m = /^\s*(\d+)\s*([mhdw])\s*$/.exec(s)!;
    return Number(m[1]) * DURATION_MS[m[2]!]!;
  });

const UNITS: Record<string, number> = {
  "": 1, b: 1, kb: 1e3, kib: 1024, mb: 1e6, mib: 1024 ** 2, gb: 1e9, gib: 1024 ** 3, tb: 1e12, tib: 1024 ** 4,
};
const byteSize = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*(b|kb|kib|mb|mib|gb|gib|tb|tib)?\s*$/i, "must be a byte count like 1073741824 or 1GiB")
    .transform((s) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]*)\s*$/i.exec(s)!;
      return Math.floor(Number(m[1]) * UNITS[m[2]!.toLowerCase()]!);
    }),
]);

const SCALE: Record<string, number> = { "": 1, k: 1e3, m: 1e6, b: 1e9, t: 1e12 };
/** `7B`, `350M` or a plain number: parameter counts are quoted that way. */
const count = z.union([
  z.number().nonnegative(),
  z
    .string()
    .regex(/^\s*\d+(\.\d+)?\s*[kmbt]?\s*$/i, "must be a count like 7000000000 or 7B")
    .transform((s) => {
      const m = /^\s*(\d+(?:\.\d+)?)\s*([a-z]?)\s*$/i.exec(s)!;
      return Math.round(Number(m[1]) * SCALE[m[2]!.toLowerCase()]!);
    }),
]);

const condition = z.strictObject({
  llm: z.boolean().optional(),
  minSize: byteSize.optional(),
  maxSize: byteSize.optional(),
  minParameters: count.optional(),
  maxParameters: count.optional(),
  formats: z.array(name).min(1).optional(),
  frameworks: z.array(name).min(1).optional(),
  repositories: z.array(glob).min(1).optional(),
  tags: z.array(glob).min(1).optional(),
  environments: z.array(name).min(1).optional(),
});

const tierRule = z
  .strictObject({
    name: z.string().max(200).optional(),
    when: condition.default({}),
    tier: name.optional(),
    atLeast: name.optional(),
  })
  .superRefine((r, ctx) => {
    if ((r.tier === undefined) === (r.atLeast === undefined)) {
      ctx.addIssue({ code: "custom", path: ["tier"], message: "exactly one of `tier` or `atLeast`" });
    }
  });

const tier = z.strictObject({
  name,
  description: z.string().max(1000).optional(),
  requires: z
    .array(z.strictObject({ predicateType, scanners: z.array(name).min(1).optional() }))
    .default([]),
});

const keyNames = z.array(name).min(1);

const gate = z.strictObject({
  environment: name,
  signedBy: keyNames.optional(),
  maxAge: duration.optional(),
  tier: z.boolean().default(true),
  require: z
    .array(z.strictObject({ predicateType, signedBy: keyNames.optional(), maxAge: duration.optional() }))
    .default([]),
  maxSeverity: z.enum(SEVERITIES).optional(),
  metrics: z.union([z.literal("all"), z.array(name).min(1)]).optional(),
  compliance: z
    .array(z.strictObject({ name, repositories: z.array(glob).min(1), predicateType, signedBy: keyNames.optional() }))
    .default([]),
});

/** One policy file; every section is optional so tiers and gates can live in separate files. */
export const policyFileSchema = z.strictObject({
  tiers: z.array(tier).optional(),
  defaultTier: name.optional(),
  tierRules: z.array(tierRule).optional(),
  gates: z.array(gate).optional(),
});

export type PolicyFile = z.infer<typeof policyFileSchema>;
