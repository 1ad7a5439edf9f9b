import { describeModel } from "./describe-model";
import { matchGlob } from "./match-glob";
import type { PolicyKitInput, PolicySet, TierChoice, TierCondition } from "./types";

/**
 * The scanning tier for a ModelKit headed to `environment`. Rules are read in order: the first matching rule
 * with `tier` sets the base tier (else `defaultTier`); every matching `atLeast` rule raises it to at least
 * that tier (tiers are ordered least to most demanding as written). Null when the set defines no tiers.
 */
export function selectTier(kit: PolicyKitInput, environment: string, set: PolicySet): TierChoice | null {
  if (set.tiers.length === 0) return null;
  const rank = (name: string) => set.tiers.findIndex((t) => t.name === name);
  let base: { name: string; reason: string } | null = null;
  const floors: { name: string; reason: string }[] = [];
  for (const rule of set.tierRules) {
    const why = matches(rule.when, kit, environment);
    if (why === null) continue;
    const label = rule.name ? `"${rule.name}" (${rule.source})` : rule.source;
    if (rule.tier !== undefined && base === null) base = { name: rule.tier, reason: `${label}: ${why} → ${rule.tier}` };
    if (rule.atLeast !== undefined) floors.push({ name: rule.atLeast, reason: `${label}: ${why} → at least ${rule.atLeast}` });
  }
  const start = base ?? { name: set.defaultTier ?? set.tiers[0]!.name, reason: "no tier rule matched: default tier" };
  let chosen = start.name;
  const reasons = [start.reason];
  for (const f of floors) {
    if (rank(f.name) > rank(chosen)) chosen = f.name;
    reasons.push(f.reason);
  }
  return { name: chosen, reasons };
}

/** A human-readable account of why every condition holds, or null when one does not. */
function matches(when: TierCondition, kit: PolicyKitInput, environment: string): string | null {
  const facts = describeModel(kit);
  const parts: string[] = [];
  const repoNames = [kit.repository, `${kit.registry}/${kit.repository}`];
  if (when.llm !== undefined) {
    if (facts.llm !== when.llm) return null;
    parts.push(when.llm ? `LLM (${facts.llmReason})` : "not an LLM");
  }
  if (when.minSizeBytes !== undefined) {
    if (kit.totalSize < when.minSizeBytes) return null;
    parts.push(`size ${kit.totalSize} B ≥ ${when.minSizeBytes} B`);
  }
  if (when.maxSizeBytes !== undefined) {
    if (kit.totalSize > when.maxSizeBytes) return null;
    parts.push(`size ${kit.totalSize} B ≤ ${when.maxSizeBytes} B`);
  }
  // unknown parameter counts never match a parameter bound: a rule about "7B+ models" must not fire on a guess
  if (when.minParameters !== undefined) {
    if (facts.parameterCount === null || facts.parameterCount < when.minParameters) return null;
    parts.push(`${facts.parameterCount} parameters ≥ ${when.minParameters}`);
  }
  if (when.maxParameters !== undefined) {
    if (facts.parameterCount === null || facts.parameterCount > when.maxParameters) return null;
    parts.push(`${facts.parameterCount} parameters ≤ ${when.maxParameters}`);
  }
  if (when.formats) {
    if (!facts.format || !when.formats.some((f) => f.toLowerCase() === facts.format)) return null;
    parts.push(`format ${facts.format}`);
  }
  if (when.frameworks) {
    if (!facts.framework || !when.frameworks.some((f) => f.toLowerCase() === facts.framework)) return null;
    parts.push(`framework ${facts.framework}`);
  }
  if (when.repositories) {
    const glob = when.repositories.find((g) => repoNames.some((r) => matchGlob(g, r)));
    if (glob === undefined) return null;
    parts.push(`repository ${kit.repository} matches ${glob}`);
  }
  if (when.tags) {
    const hit = when.tags.flatMap((g) => kit.tags.filter((t) => matchGlob(g, t)).map((t) => `${t} matches ${g}`))[0];
    if (hit === undefined) return null;
    parts.push(`tag ${hit}`);
  }
  if (when.environments) {
    if (!when.environments.includes(environment)) return null;
    parts.push(`environment ${environment}`);
  }
  return parts.length > 0 ? parts.join(", ") : "always";
}
