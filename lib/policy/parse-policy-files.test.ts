import { describe, expect, it } from "vitest";
import { parsePolicyFiles } from "./parse-policy-files";
import { ENVIRONMENTS, policySet } from "./test-fixtures";

const problems = (files: Record<string, string>, trustKeys?: string[]): string => {
  try {
    policySet(files, ENVIRONMENTS, trustKeys);
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("expected the policies to be rejected");
};

describe("parsePolicyFiles: errors name the file and the key", () => {
  it.each([
    ["missing predicateType", { "tiers.yaml": "tiers:\n  - { name: A, requires: [] }\n  - { name: B, requires: [{ scanners: [x] }] }\n" }, "policies/tiers.yaml: tiers[1].requires[0].predicateType: required"],
    ["unknown key", { "gates.yaml": "gates:\n  - { environment: dev, maxSeverty: error }\n" }, 'policies/gates.yaml: gates[0]: unknown key(s) "maxSeverty"'],
    ["bad glob", { "t.yaml": "tiers: [{ name: A }]\ntierRules:\n  - { when: { repositories: [\"health/[abc\"] }, tier: A }\n" }, "policies/t.yaml: tierRules[0].when.repositories[0]: is not a valid glob"],
    ["glob with spaces", { "g.yaml": "gates:\n  - environment: dev\n    compliance: [{ name: HIPAA, repositories: [\"health/ x\"], predicateType: p }]\n" }, "policies/g.yaml: gates[0].compliance[0].repositories[0]: must be a glob"],
    ["broken YAML", { "broken.yaml": "tiers: [\n  name: A\n" }, "policies/broken.yaml: not valid YAML"],
    ["bad severity", { "g.yaml": "gates:\n  - { environment: dev, maxSeverity: critical }\n" }, "policies/g.yaml: gates[0].maxSeverity:"],
    ["bad duration", { "g.yaml": "gates:\n  - { environment: dev, maxAge: 3 days }\n" }, "policies/g.yaml: gates[0].maxAge: must be a duration"],
    ["tier and atLeast both", { "t.yaml": "tiers: [{ name: A }]\ntierRules:\n  - { when: {}, tier: A, atLeast: A }\n" }, "policies/t.yaml: tierRules[0].tier: exactly one of `tier` or `atLeast`"],
    ["unknown tier", { "t.yaml": "tiers: [{ name: A }]\ntierRules:\n  - { when: { llm: true }, atLeast: Gold }\n" }, 'policies/t.yaml: tierRules[0].atLeast: unknown tier "Gold" (tiers: A)'],
    ["unknown environment", { "g.yaml": "gates:\n  - { environment: prod }\n" }, 'policies/g.yaml: gates[0].environment: unknown environment "prod" (config environments: dev, staging, production)'],
    ["two gates for one environment", { "a.yaml": "gates: [{ environment: dev }]\n", "b.yaml": "gates: [{ environment: dev }]\n" }, 'policies/b.yaml: gates[0].environment: a gate for "dev" is already defined in policies/a.yaml: gates[0]'],
    ["duplicate tier across files", { "a.yaml": "tiers: [{ name: A }]\n", "b.yaml": "tiers: [{ name: A }]\n" }, 'policies/b.yaml: tiers[0].name: duplicate tier "A"'],
  ])("%s", (_label, files, message) => {
    expect(problems(files)).toContain(message);
  });

  it("signedBy may only name configured trust keys", () => {
    expect(problems({ "g.yaml": "gates:\n  - { environment: dev, signedBy: [ci-scanner, jozu] }\n" }, ["ci-scanner"])).toContain(
      'policies/g.yaml: gates[0].signedBy[1]: unknown trust key "jozu" (config trust.keys: ci-scanner)',
    );
  });

  it("reports every problem at once, not only the first", () => {
    const message = problems({ "a.yaml": "gates: [{ environment: qa }]\n", "b.yaml": "nonsense: 1\n" });
    expect(message).toContain('policies/a.yaml: gates[0].environment: unknown environment "qa"');
    expect(message).toContain('policies/b.yaml: unknown key(s) "nonsense"');
  });

  it("refuses YAML alias bombs", () => {
    const bomb = ["a: &a [x, x, x, x, x, x, x, x, x, x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(", ")}]`)].join("\n");
    expect(problems({ "bomb.yaml": bomb })).toMatch(/policies\/bomb.yaml: not valid YAML/);
  });

  it("parses durations, sizes and parameter counts people write", () => {
    const set = policySet({
      "p.yaml": "tiers: [{ name: A }]\ntierRules:\n  - { when: { minSize: 2GiB, maxParameters: 7B }, tier: A }\ngates:\n  - { environment: dev, maxAge: 2w, require: [{ predicateType: p, maxAge: 12h }] }\n",
    });
    expect(set.tierRules[0]!.when).toEqual({ minSizeBytes: 2 * 1024 ** 3, maxParameters: 7e9 });
    expect(set.gates[0]).toMatchObject({ maxAgeMs: 14 * 86_400_000, require: [{ predicateType: "p", maxAgeMs: 12 * 3_600_000 }] });
  });
});

describe("policy digest: sha256 over the raw file bytes, sorted by name, plus the environment order", () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const A = "gates:\n  - { environment: dev }\n";
  const B = "tiers: [{ name: A }]\n";
  const digest = (files: [string, string][], envs = ENVIRONMENTS) =>
    parsePolicyFiles(files.map(([name, t]) => ({ name, bytes: enc(t) })), { environments: envs }).digest;

  it("does not depend on the order files are listed in", () => {
    expect(digest([["a.yaml", A], ["b.yaml", B]])).toBe(digest([["b.yaml", B], ["a.yaml", A]]));
    expect(digest([["a.yaml", A]])).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it("changes with any byte, even whitespace or key order (it is a digest of what was written, not of its meaning)", () => {
    const base = digest([["a.yaml", A]]);
    expect(digest([["a.yaml", A + "\n"]])).not.toBe(base);
    expect(digest([["a.yaml", "gates:\n  - {environment: dev}\n"]])).not.toBe(base);
    expect(digest([["renamed.yaml", A]])).not.toBe(base);
  });

  it("changes when the environment order changes", () => {
    expect(digest([["a.yaml", A]], [{ name: "dev" }, { name: "staging" }, { name: "production" }])).not.toBe(digest([["a.yaml", A]]));
  });

  it("cannot be forged by moving bytes between files", () => {
    const d1 = parsePolicyFiles([{ name: "a.yaml", bytes: enc(A + B) }], { environments: ENVIRONMENTS }).digest;
    const d2 = parsePolicyFiles([{ name: "a.yaml", bytes: enc(A) }, { name: "a.yamltiers", bytes: enc(B) }], { environments: ENVIRONMENTS }).digest;
    expect(d1).not.toBe(d2);
  });
});
