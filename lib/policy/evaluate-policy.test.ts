import { describe, expect, it } from "vitest";
import { evaluatePolicy } from "./evaluate-policy";
import { COSIGN_VULN_PREDICATE, SCAN_PREDICATE } from "./read-scan-results";
import { ENVIRONMENTS, kit, NOW, policySet, scan } from "./test-fixtures";
import type { PolicyEvidence, PolicyKitInput, RuleResult } from "./types";

const S = SCAN_PREDICATE;
const HIPAA = "https://acme.example/attestation/hipaa/v1";

function gateOnly(gate: string) {
  return policySet({ "gates.yaml": `gates:\n  - { environment: dev }\n  - { environment: staging }\n  - environment: production\n${gate}` });
}
function run(gateYaml: string, attestations: PolicyEvidence[], k: PolicyKitInput = kit(), now = NOW) {
  return evaluatePolicy({ kit: k, attestations, environment: "production", now }, gateOnly(gateYaml));
}
const byKind = (rules: RuleResult[], kind: RuleResult["kind"]) => rules.filter((r) => r.kind === kind);

describe("gate rule kinds", () => {
  it.each([
    // required predicate types
    ["required predicate present", `    require: [{ predicateType: ${S} }]`, [scan()], "required-predicate", true, /1 verified/],
    ["required predicate missing", `    require: [{ predicateType: ${S} }]`, [], "required-predicate", false, /no verified security scan/],
    ["required predicate present but not verified does not count", `    require: [{ predicateType: ${S} }]`, [scan({ status: "invalid-signature", predicateType: null })], "required-predicate", false, /no verified/],
    // signer key names
    ["signed by a named key", `    require: [{ predicateType: ${S}, signedBy: [ci-scanner] }]`, [scan()], "signer", true, /signed by ci-scanner/],
    ["signed by another configured key", `    require: [{ predicateType: ${S}, signedBy: [jozu-hub] }]`, [scan()], "signer", false, /signed only by ci-scanner/],
    ["gate-level signedBy applies to requirements", `    signedBy: [jozu-hub, ci-scanner]\n    require: [{ predicateType: ${S} }]`, [scan()], "signer", true, /ci-scanner/],
    // max age with an injected now (NOW is 5 days after the fixture's createdAt)
    ["fresh enough", `    require: [{ predicateType: ${S}, maxAge: 7d }]`, [scan()], "max-age", true, /newest is 5d old/],
    ["too old", `    require: [{ predicateType: ${S}, maxAge: 3d }]`, [scan()], "max-age", false, /none made within 3d/],
    ["the signed scan finish time wins over createdAt", `    require: [{ predicateType: ${S}, maxAge: 3d }]`, [scan({ createdAt: "2026-11-01T00:00:00Z" }, { finishedOn: "2026-11-24T12:00:00Z" })], "max-age", true, /newest is 1d old/],
    ["no creation time cannot prove age", `    require: [{ predicateType: ${S}, maxAge: 30d }]`, [scan({ createdAt: null })], "max-age", false, /no creation time/],
    // max severity, §7 order info < anomaly < concern < error
    ["concern allowed, worst is concern", "    maxSeverity: concern", [scan({}, { findings: [{ id: "PII", severity: "concern" }, { id: "I", severity: "info" }] })], "max-severity", true, /worst finding is concern/],
    ["error over concern fails", "    maxSeverity: concern", [scan({}, { findings: [{ id: "RCE-1", severity: "error" }] })], "max-severity", false, /1 finding worse than concern/],
    ["anomaly over info fails", "    maxSeverity: info", [scan({}, { findings: [{ id: "A", severity: "anomaly" }] })], "max-severity", false, /worse than info/],
    ["upper-case scanner words are mapped (HIGH = concern)", "    maxSeverity: anomaly", [scan({}, { findings: [{ id: "CVE-1", severity: "HIGH" }] })], "max-severity", false, /worst: concern/],
    ["an unknown severity word counts as the worst", "    maxSeverity: error", [scan({}, { findings: [{ id: "X", severity: "spicy" }] })], "max-severity", false, /worst: spicy/],
    ["no verified scan: severity cannot pass", "    maxSeverity: error", [scan({ status: "untrusted-key" })], "max-severity", false, /no verified scan/],
    // metrics
    ["all metrics pass", "    metrics: all", [scan({}, { metrics: [{ name: "unsafe_operators", passed: true }] })], "metrics", true, /1 metric passed/],
    ["a failing metric", "    metrics: all", [scan({}, { metrics: [{ name: "unsafe_operators", passed: false }] })], "metrics", false, /did not pass: unsafe_operators/],
    ["verdict computed from comparator when absent", "    metrics: all", [scan({}, { metrics: [{ name: "toxicity", value: 0.3, threshold: 0.1, comparator: "<=" }] })], "metrics", false, /toxicity/],
    ["a named metric that was not reported", "    metrics: [jailbreak_rate]", [scan({}, { metrics: [{ name: "unsafe_operators", passed: true }] })], "metrics", false, /not reported: jailbreak_rate/],
  ])("%s", (_label, gate, atts, kind, passed, reason) => {
    const result = run(gate, atts);
    const [r] = byKind(result.rules, kind as RuleResult["kind"]);
    expect(r, `rule of kind ${kind}`).toBeDefined();
    expect(r!.passed).toBe(passed);
    expect(r!.reason).toMatch(reason);
    expect(result.passed).toBe(result.rules.every((x) => x.passed));
  });

  it("maps cosign vuln (Trivy) severities: CRITICAL is an error", () => {
    const vuln: PolicyEvidence = {
      ...scan(),
      predicateType: COSIGN_VULN_PREDICATE,
      predicate: { scanner: { uri: "pkg:github/aquasecurity/trivy", result: { Results: [{ Target: "req.txt", Vulnerabilities: [{ VulnerabilityID: "CVE-2026-1", Severity: "CRITICAL", PkgName: "torch" }] }] } } },
    };
    const r = byKind(run("    maxSeverity: concern", [vuln]).rules, "max-severity")[0]!;
    expect(r.passed).toBe(false);
    expect(r.evidence[0]).toMatchObject({ attestationId: vuln.id, finding: expect.stringMatching(/^error CVE-2026-1 \(trivy\).*torch/) });
  });

  it("compliance applies by repository glob and needs a verified attestation of its type", () => {
    const gate = `    compliance:\n      - { name: HIPAA, repositories: ["health/*"], predicateType: ${HIPAA} }\n      - { name: SOX, repositories: ["finance/*"], predicateType: https://acme.example/sox }`;
    const hipaa = { ...scan(), predicateType: HIPAA, predicate: {} };
    const health = run(gate, [], kit({ repository: "health/triage" }));
    const [h, sox] = byKind(health.rules, "compliance");
    expect(h).toMatchObject({ passed: false, reason: expect.stringMatching(/health\/triage matches health\/\*, and no verified HIPAA/) });
    expect(h!.evidence).toContainEqual({ missing: `HIPAA: ${HIPAA}` });
    expect(sox).toMatchObject({ passed: true, reason: expect.stringMatching(/not required/) });
    expect(byKind(run(gate, [hipaa], kit({ repository: "health/triage" })).rules, "compliance")[0]!.passed).toBe(true);
    expect(byKind(run(gate, [], kit({ repository: "demo/fraud-detection" })).rules, "compliance").every((r) => r.passed)).toBe(true);
  });
});

describe("explanations", () => {
  it("names the failing rule and links the offending finding to its attestation", () => {
    const bad = scan({}, { findings: [{ id: "PICKLE-RCE", severity: "error" }] });
    const result = run(`    require: [{ predicateType: ${S} }]\n    maxSeverity: concern`, [bad]);
    expect(result.passed).toBe(false);
    const failing = result.rules.filter((r) => !r.passed);
    expect(failing.map((r) => r.id)).toEqual(["max-severity"]);
    expect(failing[0]!.title).toBe("No finding worse than concern");
    expect(failing[0]!.evidence).toEqual([{ attestationId: bad.id, predicateType: S, finding: expect.stringContaining("PICKLE-RCE") }]);
  });

  it("lists unverified attestations as present but not verified, with their status", () => {
    const tampered = scan({ status: "invalid-signature", statusReason: "signature does not verify", predicateType: null });
    const r = byKind(run(`    require: [{ predicateType: ${S} }]`, [tampered]).rules, "required-predicate")[0]!;
    expect(r.evidence).toEqual([
      { missing: S },
      { attestationId: tampered.id, predicateType: S, note: "present but not verified (invalid-signature: signature does not verify)" },
    ]);
  });

  it("a missing gate fails closed, by name", () => {
    const set = policySet({ "gates.yaml": "gates:\n  - { environment: dev }\n" });
    const r = evaluatePolicy({ kit: kit(), attestations: [], environment: "dev", now: NOW }, set);
    expect(r.passed).toBe(true);
    const s = evaluatePolicy({ kit: kit(), attestations: [], environment: "staging", now: NOW }, set);
    expect(s.rules.find((x) => x.kind === "gate-defined")).toMatchObject({ passed: false, reason: expect.stringMatching(/no gate for staging/) });
  });

  it("unknown environment is NOT_FOUND", () => {
    expect(() => evaluatePolicy({ kit: kit(), attestations: [], environment: "qa", now: NOW }, gateOnly(""))).toThrow(/unknown environment "qa"/);
  });
});

describe("environment order", () => {
  const set = policySet({
    "gates.yaml": `gates:
  - { environment: dev }
  - { environment: staging, maxSeverity: concern }
  - { environment: production, require: [{ predicateType: ${S}, signedBy: [ci-scanner] }] }
`,
  });
  const evalIn = (environment: string, atts: PolicyEvidence[]) => evaluatePolicy({ kit: kit(), attestations: atts, environment, now: NOW }, set);

  it("production fails when staging's gate fails, even if production's own rules pass", () => {
    const bad = scan({}, { findings: [{ id: "RCE", severity: "error" }] });
    const prod = evalIn("production", [bad]);
    expect(byKind(prod.rules, "required-predicate")[0]!.passed).toBe(true);
    const order = byKind(prod.rules, "environment-order");
    expect(order.map((r) => [r.id, r.passed])).toEqual([["order:staging", false]]);
    expect(order[0]!.reason).toMatch(/staging gate fails: No finding worse than concern/);
    expect(order[0]!.evidence[0]!.missing).toMatch(/^staging: No finding worse than concern — 1 finding worse than concern/);
    expect(prod.passed).toBe(false);
  });

  it("passes through the whole chain when every earlier gate passes", () => {
    const prod = evalIn("production", [scan()]);
    expect(prod.passed).toBe(true);
    expect(byKind(prod.rules, "environment-order")[0]!.reason).toMatch(/production comes after staging, and the staging gate passes/);
    expect(byKind(evalIn("dev", []).rules, "environment-order")).toEqual([]);
  });

  it("staging is judged on its own gate and dev's", () => {
    expect(ENVIRONMENTS[1]).toEqual({ name: "staging", after: "dev" });
    const st = evalIn("staging", []);
    expect(st.rules.map((r) => r.id)).toEqual(["order:dev", "max-severity"]);
  });
});

describe("tier requirements", () => {
  const set = policySet({
    "tiers.yaml": `tiers:
  - { name: Essential, requires: [{ predicateType: ${S}, scanners: [modelscan] }] }
  - { name: Comprehensive, requires: [{ predicateType: ${S}, scanners: [modelscan, garak] }] }
tierRules:
  - { name: all LLMs, when: { llm: true }, tier: Comprehensive }
`,
    "gates.yaml": "gates:\n  - { environment: dev }\n  - { environment: staging }\n  - { environment: production }\n  - { environment: sandbox, tier: false }\n",
  }, [...ENVIRONMENTS, { name: "sandbox" }]);
  const llm = kit({ repository: "demo/support-llm", kitfile: { model: { format: "gguf", path: "m.gguf" } } });

  it("an LLM needs the Comprehensive scanners; a missing one is named", () => {
    const r = evaluatePolicy({ kit: llm, attestations: [scan()], environment: "dev", now: NOW }, set);
    expect(r.tier!.name).toBe("Comprehensive");
    const t = byKind(r.rules, "tier-requirement")[0]!;
    expect(t).toMatchObject({ passed: false, reason: "scanner garak did not run (ran: modelscan)" });
    expect(t.evidence[0]).toEqual({ missing: `scanner garak in ${S}`, predicateType: S });
  });

  it("passes when every scanner ran, citing the attestation", () => {
    const a = scan({}, { tools: ["modelscan", "Garak"] });
    const t = byKind(evaluatePolicy({ kit: llm, attestations: [a], environment: "dev", now: NOW }, set).rules, "tier-requirement")[0]!;
    expect(t.passed).toBe(true);
    expect(t.evidence.map((e) => e.attestationId)).toEqual([a.id, a.id]);
  });

  it("a gate may leave the tier out", () => {
    expect(byKind(evaluatePolicy({ kit: llm, attestations: [], environment: "sandbox", now: NOW }, set).rules, "tier-requirement")).toEqual([]);
  });
});
