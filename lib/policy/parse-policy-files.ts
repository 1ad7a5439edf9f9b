import { createHash } from "node:crypto";
import { parse as parseYaml } from "yaml";
import { AppError } from "@/lib/errors";
import { policyFileSchema, type PolicyFile } from "./policy-file-schema";
import type { EnvironmentDef, GateDef, PolicySet, TierDef, TierRule } from "./types";
import { formatZodIssue } from "@/lib/validations/format-zod-issue";

/** Hand-written YAML never needs many aliases; a cap stops "billion laughs" expansion. */
const MAX_YAML_ALIASES = 100;

export interface PolicyFileInput {
  /** shown in errors and explanations, e.g. `policies/tiers.yaml` */
  name: string;
  bytes: Uint8Array;
}

export interface PolicyContext {
  /** config `environments` (already validated: unique names, known `after`, no cycles) */
  environments: EnvironmentDef[];
  /** config `trust.keys[].name`; when given, `signedBy` may only name these */
  trustKeys?: string[];
}

/**
 * Policy files → one validated policy set. Throws CONFIG_INVALID listing every problem as
 * `policies/tiers.yaml: tiers[1].requires[0].predicateType: required`. The digest covers the raw bytes of
 * each file in name order (length-prefixed, so file boundaries cannot be shifted) and the environment order,
 * because both decide outcomes; it is what approval decisions record as "policy digest".
 */
export function parsePolicyFiles(files: PolicyFileInput[], context: PolicyContext): PolicySet {
  const sorted = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const problems: string[] = [];
  const parsed: { name: string; file: PolicyFile }[] = [];
  for (const f of sorted) {
    let raw: unknown;
    try {
      const doc = parseYaml(Buffer.from(f.bytes).toString("utf8"), { maxAliasCount: MAX_YAML_ALIASES, prettyErrors: true });
      raw = doc ?? {};
    } catch (cause) {
      problems.push(`${f.name}: not valid YAML: ${firstLine((cause as Error).message)}`);
      continue;
    }
    const result = policyFileSchema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) problems.push(`${f.name}: ${formatZodIssue(issue)}`);
      continue;
    }
    parsed.push({ name: f.name, file: result.data });
  }

  const tiers: TierDef[] = [];
  const tierRules: TierRule[] = [];
  const gates: GateDef[] = [];
  let defaultTier: { name: string; at: string } | null = null;
  for (const { name, file } of parsed) {
    file.tiers?.forEach((t, i) => {
      if (tiers.some((x) => x.name === t.name)) problems.push(`${name}: tiers[${i}].name: duplicate tier "${t.name}"`);
      else tiers.push({ name: t.name, ...(t.description ? { description: t.description } : {}), requires: t.requires });
    });
    if (file.defaultTier !== undefined) {
      if (defaultTier) problems.push(`${name}: defaultTier: already set in ${defaultTier.at}`);
      else defaultTier = { name: file.defaultTier, at: name };
    }
  }
  const tierNames = tiers.map((t) => t.name);
  const envNames = context.environments.map((e) => e.name);
  const checkTier = (where: string, tier: string | undefined) => {
    if (tier !== undefined && !tierNames.includes(tier)) {
      problems.push(`${where}: unknown tier "${tier}" (tiers: ${tierNames.join(", ") || "none defined"})`);
    }
  };
  const checkEnv = (where: string, env: string) => {
    if (!envNames.includes(env)) {
      problems.push(`${where}: unknown environment "${env}" (config environments: ${envNames.join(", ") || "none"})`);
    }
  };
  const checkKeys = (where: string, keys: string[] | undefined) => {
    if (!keys || !context.trustKeys) return;
    keys.forEach((k, i) => {
      if (!context.trustKeys!.includes(k)) {
        problems.push(`${where}[${i}]: unknown trust key "${k}" (config trust.keys: ${context.trustKeys!.join(", ") || "none"})`);
      }
    });
  };
  if (defaultTier) checkTier(`${defaultTier.at}: defaultTier`, defaultTier.name);

  for (const { name, file } of parsed) {
    file.tierRules?.forEach((r, i) => {
      const at = `${name}: tierRules[${i}]`;
      checkTier(r.tier !== undefined ? `${at}.tier` : `${at}.atLeast`, r.tier ?? r.atLeast);
      r.when.environments?.forEach((e, j) => checkEnv(`${at}.when.environments[${j}]`, e));
      const w = r.when;
      tierRules.push({
        source: `${name}: tierRules[${i}]`,
        ...(r.name ? { name: r.name } : {}),
        when: {
          ...(w.llm !== undefined ? { llm: w.llm } : {}),
          ...(w.minSize !== undefined ? { minSizeBytes: w.minSize } : {}),
          ...(w.maxSize !== undefined ? { maxSizeBytes: w.maxSize } : {}),
          ...(w.minParameters !== undefined ? { minParameters: w.minParameters } : {}),
          ...(w.maxParameters !== undefined ? { maxParameters: w.maxParameters } : {}),
          ...(w.formats ? { formats: w.formats } : {}),
          ...(w.frameworks ? { frameworks: w.frameworks } : {}),
          ...(w.repositories ? { repositories: w.repositories } : {}),
          ...(w.tags ? { tags: w.tags } : {}),
          ...(w.environments ? { environments: w.environments } : {}),
        },
        ...(r.tier !== undefined ? { tier: r.tier } : {}),
        ...(r.atLeast !== undefined ? { atLeast: r.atLeast } : {}),
      });
    });
    file.gates?.forEach((g, i) => {
      const at = `${name}: gates[${i}]`;
      checkEnv(`${at}.environment`, g.environment);
      const dup = gates.find((x) => x.environment === g.environment);
      if (dup) problems.push(`${at}.environment: a gate for "${g.environment}" is already defined in ${dup.source}`);
      checkKeys(`${at}.signedBy`, g.signedBy);
      g.require.forEach((r, j) => checkKeys(`${at}.require[${j}].signedBy`, r.signedBy));
      g.compliance.forEach((c, j) => checkKeys(`${at}.compliance[${j}].signedBy`, c.signedBy));
      gates.push({
        source: at,
        environment: g.environment,
        ...(g.signedBy ? { signedBy: g.signedBy } : {}),
        ...(g.maxAge !== undefined ? { maxAgeMs: g.maxAge } : {}),
        tier: g.tier,
        require: g.require.map((r) => ({
          predicateType: r.predicateType,
          ...(r.signedBy ? { signedBy: r.signedBy } : {}),
          ...(r.maxAge !== undefined ? { maxAgeMs: r.maxAge } : {}),
        })),
        ...(g.maxSeverity ? { maxSeverity: g.maxSeverity } : {}),
        ...(g.metrics ? { metrics: g.metrics } : {}),
        compliance: g.compliance,
      });
    });
  }

  if (problems.length > 0) {
    throw new AppError("CONFIG_INVALID", `invalid policies:\n  ${problems.join("\n  ")}`, { details: { issues: problems } });
  }

  const hash = createHash("sha256");
  for (const f of sorted) {
    const nameBytes = Buffer.from(f.name, "utf8");
    hash.update(`${nameBytes.length}:`).update(nameBytes).update(`${f.bytes.length}:`).update(f.bytes);
  }
  hash.update(`environments:${JSON.stringify(context.environments.map((e) => [e.name, e.after ?? null]))}`);

  return {
    tiers,
    defaultTier: defaultTier?.name ?? null,
    tierRules,
    gates,
    environments: context.environments,
    digest: `sha256:${hash.digest("hex")}`,
    files: sorted.map((f) => f.name),
  };
}

function firstLine(s: string): string {
  return s.split("\n")[0] ?? s;
}

