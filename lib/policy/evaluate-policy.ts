import { AppError } from "@/lib/errors";
import { readScanResults, COSIGN_VULN_PREDICATE, SCAN_PREDICATE, type ScanFinding } from "./read-scan-results";
import { matchGlob } from "./match-glob";
import { selectTier } from "./select-tier";
import { severityRank } from "./severity-rank";
import type {
  EvidenceRef,
  GateDef,
  PolicyEvaluation,
  PolicyEvidence,
  PolicyKitInput,
  PolicySet,
  RuleResult,
  ScanSeverity,
  TierChoice,
} from "./types";

export interface PolicyInput {
  kit: PolicyKitInput;
  attestations: PolicyEvidence[];
  environment: string;
  now: Date;
}

/** A checklist shows every offending finding up to this many; the count says how many more there are. */
const MAX_FINDINGS_SHOWN = 20;

const LABELS: Record<string, string> = {
  [SCAN_PREDICATE]: "security scan",
  [COSIGN_VULN_PREDICATE]: "vulnerability scan",
  "https://slsa.dev/provenance/v1": "SLSA provenance",
  "https://slsa.dev/provenance/v0.2": "SLSA provenance",
  "https://spdx.dev/Document": "SPDX SBOM",
  "https://cyclonedx.org/bom": "CycloneDX SBOM",
  "https://in-toto.io/attestation/test-result/v0.1": "test result",
  "https://slsa.dev/verification_summary/v1": "verification summary",
  "https://openvex.dev/ns": "OpenVEX",
};
const label = (p: string) => (LABELS[p] ? `${LABELS[p]} (${p})` : p);
const Label = (p: string) => label(p).charAt(0).toUpperCase() + label(p).slice(1);

/**
 * Whether a ModelKit may enter `environment`, as a checklist: the environments it must pass first, the tier's
 * required scans, then the gate's rules (required predicates, signers, age, worst finding, metrics,
 * compliance). Only `verified` attestations count; others appear as "present but not verified". Pure: `now`
 * is injected. Throws NOT_FOUND for an environment the policy set does not know.
 */
export function evaluatePolicy(input: PolicyInput, set: PolicySet): PolicyEvaluation {
  if (!set.environments.some((e) => e.name === input.environment)) {
    throw new AppError("NOT_FOUND", `unknown environment "${input.environment}"`, {
      details: { environments: set.environments.map((e) => e.name) },
    });
  }
  // snapshot: the caller's array must not change under a long evaluation
  const ctx: Ctx = { input: { ...input, attestations: [...input.attestations] }, set, memo: new Map() };
  return evaluateEnvironment(ctx, input.environment, []);
}

interface Ctx {
  input: PolicyInput;
  set: PolicySet;
  memo: Map<string, PolicyEvaluation>;
}

function evaluateEnvironment(ctx: Ctx, environment: string, chain: string[]): PolicyEvaluation {
  const hit = ctx.memo.get(environment);
  if (hit) return hit;
  const { input, set } = ctx;
  const env = set.environments.find((e) => e.name === environment)!;
  const gate = set.gates.find((g) => g.environment === environment);
  const tier = selectTier(input.kit, environment, set);
  const rules: RuleResult[] = [];

  if (env.after !== undefined) {
    if (chain.includes(env.after)) {
      // config validation rejects cycles; this guards a hand-built set
      rules.push(rule("order:" + env.after, "environment-order", `Passed the ${env.after} gate first`, false, `environment order loops back to ${env.after}`, []));
    } else {
      const prev = evaluateEnvironment(ctx, env.after, [...chain, environment]);
      const failing = prev.rules.filter((r) => !r.passed);
      rules.push(
        rule(
          `order:${env.after}`,
          "environment-order",
          `Passed the ${env.after} gate first`,
          prev.passed,
          prev.passed
            ? `${environment} comes after ${env.after}, and the ${env.after} gate passes`
            : `${environment} comes after ${env.after}, and the ${env.after} gate fails: ${failing.map((r) => r.title).join("; ")}`,
          failing.map((r) => ({ missing: `${env.after}: ${r.title} — ${r.reason}` })),
        ),
      );
    }
  }

  if (!gate) {
    rules.push(
      rule(`gate:${environment}`, "gate-defined", `A gate is defined for ${environment}`, false, `no gate for ${environment} in the policy files, so nothing may enter it (fail closed)`, [
        { missing: `gates: - environment: ${environment}` },
      ]),
    );
  }
  if (tier && (gate?.tier ?? true)) rules.push(...tierRules(ctx, tier, gate));
  if (gate) rules.push(...gateRules(ctx, gate));

  const result: PolicyEvaluation = {
    environment,
    tier,
    passed: rules.every((r) => r.passed),
    rules,
    policyDigest: set.digest,
    evaluatedAt: input.now.toISOString(),
  };
  ctx.memo.set(environment, result);
  return result;
}

function rule(id: string, kind: RuleResult["kind"], title: string, passed: boolean, reason: string, evidence: EvidenceRef[]): RuleResult {
  return { id, kind, title, passed, reason, evidence };
}

const verifiedOf = (ctx: Ctx, predicateType: string) =>
  ctx.input.attestations.filter((a) => a.status === "verified" && a.predicateType === predicateType);

/** Attestations that claim this predicate type but did not verify: shown, never counted. */
const unverifiedOf = (ctx: Ctx, predicateType: string): EvidenceRef[] =>
  ctx.input.attestations
    .filter((a) => a.status !== "verified" && (a.predicateType ?? a.predicateTypeHint) === predicateType)
    .map((a) => ({ attestationId: a.id, predicateType, note: `present but not verified (${a.status}: ${a.statusReason})` }));

const cite = (a: PolicyEvidence): EvidenceRef => ({ attestationId: a.id, ...(a.predicateType ? { predicateType: a.predicateType } : {}) });

const signedByAny = (a: PolicyEvidence, keys: string[] | undefined) =>
  keys === undefined || (a.signer?.keyName !== undefined && keys.includes(a.signer.keyName));

/**
 * When the evidence was made: the scan's own finish time inside the verified predicate (signed, unlike a
 * referrer annotation; DSSE envelopes from cosign carry no time of their own), else the attestation's createdAt.
 */
function madeAt(a: PolicyEvidence): string | null {
  return readScanResults(a.predicateType, a.predicate).finishedOn ?? a.createdAt;
}

function ageMs(a: PolicyEvidence, now: Date): number | null {
  const at = madeAt(a);
  const t = at ? Date.parse(at) : NaN;
  return Number.isNaN(t) ? null : now.getTime() - t;
}

const fresh = (a: PolicyEvidence, maxAgeMs: number | undefined, now: Date) => {
  if (maxAgeMs === undefined) return true;
  const age = ageMs(a, now);
  return age !== null && age <= maxAgeMs;
};

function humanDuration(ms: number): string {
  const d = ms / 86_400_000;
  if (d >= 1) return `${Math.floor(d)}d`;
  const h = ms / 3_600_000;
  return h >= 1 ? `${Math.floor(h)}h` : `${Math.max(0, Math.floor(ms / 60_000))}m`;
}

function signerName(a: PolicyEvidence): string {
  return a.signer?.keyName ?? a.signer?.certificateIdentity ?? "an unnamed signer";
}

// ── tier ────────────────────────────────────────────────────────────────────────────────────────────────────
function tierRules(ctx: Ctx, tier: TierChoice, gate: GateDef | undefined): RuleResult[] {
  const def = ctx.set.tiers.find((t) => t.name === tier.name)!;
  return def.requires.map((req) => {
    const id = `tier:${def.name}:${req.predicateType}`;
    const title = `${def.name} tier: ${label(req.predicateType)}${req.scanners ? ` by ${req.scanners.join(", ")}` : ""}`;
    const pool = verifiedOf(ctx, req.predicateType).filter((a) => signedByAny(a, gate?.signedBy));
    if (pool.length === 0) {
      return rule(id, "tier-requirement", title, false, `no verified ${label(req.predicateType)}${gate?.signedBy ? ` signed by ${gate.signedBy.join(" or ")}` : ""}`, [
        { missing: req.predicateType },
        ...unverifiedOf(ctx, req.predicateType),
      ]);
    }
    const have = new Map<string, PolicyEvidence>();
    for (const a of pool) for (const s of readScanResults(a.predicateType, a.predicate).scanners) if (!have.has(s)) have.set(s, a);
    const missing = (req.scanners ?? []).filter((s) => !have.has(s.toLowerCase()));
    if (missing.length > 0) {
      return rule(id, "tier-requirement", title, false, `scanner${missing.length > 1 ? "s" : ""} ${missing.join(", ")} did not run (ran: ${[...have.keys()].join(", ") || "none"})`, [
        ...missing.map((s) => ({ missing: `scanner ${s} in ${req.predicateType}`, predicateType: req.predicateType })),
        ...pool.map(cite),
      ]);
    }
    return rule(
      id,
      "tier-requirement",
      title,
      true,
      req.scanners ? `ran: ${req.scanners.join(", ")}` : `${pool.length} verified attestation${pool.length > 1 ? "s" : ""}`,
      req.scanners ? req.scanners.map((s) => cite(have.get(s.toLowerCase())!)) : pool.map(cite),
    );
  });
}

// ── gate ────────────────────────────────────────────────────────────────────────────────────────────────────
function gateRules(ctx: Ctx, gate: GateDef): RuleResult[] {
  const now = ctx.input.now;
  const rules: RuleResult[] = [];

  for (const req of gate.require) {
    const p = req.predicateType;
    const signers = req.signedBy ?? gate.signedBy;
    const maxAge = req.maxAgeMs ?? gate.maxAgeMs;
    const verified = verifiedOf(ctx, p);
    rules.push(
      verified.length > 0
        ? rule(`require:${p}`, "required-predicate", `Verified ${label(p)}`, true, `${verified.length} verified attestation${verified.length > 1 ? "s" : ""}`, verified.map(cite))
        : rule(`require:${p}`, "required-predicate", `Verified ${label(p)}`, false, `no verified ${label(p)}`, [{ missing: p }, ...unverifiedOf(ctx, p)]),
    );
    const signed = verified.filter((a) => signedByAny(a, signers));
    if (signers) {
      rules.push(
        signed.length > 0
          ? rule(`signer:${p}`, "signer", `${Label(p)} signed by ${signers.join(" or ")}`, true, `signed by ${[...new Set(signed.map(signerName))].join(", ")}`, signed.map(cite))
          : rule(
              `signer:${p}`,
              "signer",
              `${Label(p)} signed by ${signers.join(" or ")}`,
              false,
              verified.length === 0 ? `no verified ${label(p)} to check` : `signed only by ${[...new Set(verified.map(signerName))].join(", ")}`,
              [{ missing: `${p} signed by ${signers.join(" or ")}` }, ...verified.map((a) => ({ ...cite(a), note: `signed by ${signerName(a)}` }))],
            ),
      );
    }
    if (maxAge !== undefined) {
      const ok = signed.filter((a) => fresh(a, maxAge, now));
      const title = `${Label(p)} at most ${humanDuration(maxAge)} old`;
      rules.push(
        ok.length > 0
          ? rule(`max-age:${p}`, "max-age", title, true, `newest is ${humanDuration(Math.min(...ok.map((a) => ageMs(a, now)!)))} old`, ok.map(cite))
          : rule(
              `max-age:${p}`,
              "max-age",
              title,
              false,
              signed.length === 0
                ? `no verified${signers ? ", correctly signed" : ""} ${label(p)} to check`
                : signed.every((a) => ageMs(a, now) === null)
                  ? "no creation time on any of them, so their age cannot be checked"
                  : `none made within ${humanDuration(maxAge)}`,
              [
                { missing: `${p} made within ${humanDuration(maxAge)}` },
                ...signed.map((a) => {
                  const age = ageMs(a, now);
                  return { ...cite(a), note: age === null ? "no creation time" : `made ${humanDuration(age)} ago (${madeAt(a)})` };
                }),
              ],
            ),
      );
    }
  }

  // findings and metrics come from the scan attestations this gate accepts (verified, its signers, its age)
  const scans = ctx.input.attestations.filter(
    (a) =>
      a.status === "verified" &&
      (a.predicateType === SCAN_PREDICATE || a.predicateType === COSIGN_VULN_PREDICATE) &&
      signedByAny(a, gate.signedBy) &&
      fresh(a, gate.maxAgeMs, now),
  );
  const noScan: EvidenceRef[] = [{ missing: `a verified ${label(SCAN_PREDICATE)} or ${label(COSIGN_VULN_PREDICATE)}` }, ...unverifiedOf(ctx, SCAN_PREDICATE), ...unverifiedOf(ctx, COSIGN_VULN_PREDICATE)];

  if (gate.maxSeverity) rules.push(severityRule(gate.maxSeverity, scans, noScan));
  if (gate.metrics) rules.push(metricsRule(gate.metrics, scans, noScan));

  const k = ctx.input.kit;
  for (const c of gate.compliance) {
    const id = `compliance:${c.name}`;
    const title = `${c.name} attestation for ${c.repositories.join(", ")}`;
    const glob = c.repositories.find((g) => matchGlob(g, k.repository) || matchGlob(g, `${k.registry}/${k.repository}`));
    if (glob === undefined) {
      rules.push(rule(id, "compliance", title, true, `not required: ${k.repository} does not match ${c.repositories.join(", ")}`, []));
      continue;
    }
    const signers = c.signedBy ?? gate.signedBy;
    const ok = verifiedOf(ctx, c.predicateType).filter((a) => signedByAny(a, signers));
    rules.push(
      ok.length > 0
        ? rule(id, "compliance", title, true, `${k.repository} matches ${glob}; verified ${c.name} attestation present`, ok.map(cite))
        : rule(id, "compliance", title, false, `${k.repository} matches ${glob}, and no verified ${c.name} attestation${signers ? ` signed by ${signers.join(" or ")}` : ""}`, [
            { missing: `${c.name}: ${c.predicateType}` },
            ...unverifiedOf(ctx, c.predicateType),
          ]),
    );
  }
  return rules;
}

function describeFinding(f: ScanFinding): string {
  return [f.severity ?? `${f.rawSeverity} (unknown severity)`, f.id, f.tool && `(${f.tool})`, f.message && `— ${f.message}`, f.location && `at ${f.location}`]
    .filter(Boolean)
    .join(" ");
}

function severityRule(max: ScanSeverity, scans: PolicyEvidence[], noScan: EvidenceRef[]): RuleResult {
  const title = `No finding worse than ${max}`;
  if (scans.length === 0) return rule("max-severity", "max-severity", title, false, "no verified scan attestation to check", noScan);
  // an unknown severity word is treated as the worst: a gate must not pass on a word it cannot read
  const rank = (f: ScanFinding) => (f.severity ? severityRank(f.severity) : Number.POSITIVE_INFINITY);
  const offending: EvidenceRef[] = [];
  let worst: ScanFinding | null = null;
  let total = 0;
  for (const a of scans) {
    for (const f of readScanResults(a.predicateType, a.predicate).findings) {
      if (!worst || rank(f) > rank(worst)) worst = f;
      if (rank(f) > severityRank(max)) {
        total++;
        if (offending.length < MAX_FINDINGS_SHOWN) offending.push({ ...cite(a), finding: describeFinding(f) });
      }
    }
  }
  if (total === 0) {
    return rule("max-severity", "max-severity", title, true, worst ? `worst finding is ${worst.severity}` : "no findings", scans.map(cite));
  }
  if (total > offending.length) offending.push({ note: `and ${total - offending.length} more` });
  return rule(
    "max-severity",
    "max-severity",
    title,
    false,
    `${total} finding${total > 1 ? "s" : ""} worse than ${max} (worst: ${worst!.severity ?? worst!.rawSeverity})`,
    offending,
  );
}

function metricsRule(wanted: "all" | string[], scans: PolicyEvidence[], noScan: EvidenceRef[]): RuleResult {
  const title = wanted === "all" ? "Every reported metric passes" : `Metrics pass: ${wanted.join(", ")}`;
  if (scans.length === 0) return rule("metrics", "metrics", title, false, "no verified scan attestation to check", noScan);
  const all = scans.flatMap((a) => readScanResults(a.predicateType, a.predicate).metrics.map((m) => ({ a, m })));
  const considered = wanted === "all" ? all : all.filter(({ m }) => wanted.includes(m.name));
  const missing = wanted === "all" ? [] : wanted.filter((n) => !all.some(({ m }) => m.name === n));
  const failing = considered.filter(({ m }) => m.passed !== true);
  const show = ({ a, m }: (typeof all)[number]): EvidenceRef => ({
    ...cite(a),
    finding: `${m.name}${m.tool ? ` (${m.tool})` : ""} = ${JSON.stringify(m.value)}${m.comparator ? ` (must be ${m.comparator} ${JSON.stringify(m.threshold)})` : ""}: ${m.passed === null ? "no pass/fail result" : m.passed ? "passed" : "failed"}`,
  });
  if (failing.length === 0 && missing.length === 0) {
    return rule("metrics", "metrics", title, true, considered.length === 0 ? "no metrics reported" : `${considered.length} metric${considered.length > 1 ? "s" : ""} passed`, considered.slice(0, MAX_FINDINGS_SHOWN).map(show));
  }
  const reasons = [
    ...(failing.length > 0 ? [`${failing.length} metric${failing.length > 1 ? "s" : ""} did not pass: ${failing.map(({ m }) => m.name).join(", ")}`] : []),
    ...(missing.length > 0 ? [`not reported: ${missing.join(", ")}`] : []),
  ];
  return rule("metrics", "metrics", title, false, reasons.join("; "), [
    ...failing.slice(0, MAX_FINDINGS_SHOWN).map(show),
    ...missing.map((n) => ({ missing: `metric ${n}` })),
  ]);
}
