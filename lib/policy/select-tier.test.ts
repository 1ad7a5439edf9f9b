import { describe, expect, it } from "vitest";
import { selectTier } from "./select-tier";
import { kit, policySet } from "./test-fixtures";

const TIERS = `
tiers:
  - { name: Essential, requires: [{ predicateType: p/scan }] }
  - { name: Standard, requires: [{ predicateType: p/scan, scanners: [modelscan, pii] }] }
  - { name: Comprehensive, requires: [{ predicateType: p/scan, scanners: [modelscan, pii, garak] }] }
`;
const RULES = `
tierRules:
  - { name: all LLMs, when: { llm: true }, tier: Comprehensive }
  - { name: huge models, when: { minSize: 10GiB }, tier: Comprehensive }
  - { name: billions of parameters, when: { minParameters: 7B }, tier: Comprehensive }
  - { name: pytorch pickles, when: { frameworks: [pytorch] }, tier: Standard }
  - { name: customer-facing repos, when: { repositories: ["*/support-*", "customer/**"] }, atLeast: Standard }
  - { name: customer-facing tag, when: { tags: ["public-*"] }, atLeast: Standard }
  - { name: production, when: { environments: [production] }, atLeast: Standard }
  - { name: tiny onnx, when: { formats: [onnx], maxSize: 1MiB }, tier: Essential }
`;
const set = policySet({ "tiers.yaml": TIERS, "rules.yaml": RULES });
const llm = { package: { name: "support" }, model: { path: "m/x.gguf", format: "gguf" } };

describe("selectTier: ordered rules, first `tier` wins, `atLeast` raises", () => {
  it.each([
    ["an LLM → Comprehensive", kit({ kitfile: llm }), "dev", "Comprehensive", /all LLMs.*LLM \(model format is gguf\)/],
    ["model size over 10GiB", kit({ totalSize: 11 * 1024 ** 3 }), "dev", "Comprehensive", /huge models.*size/],
    ["7B parameters", kit({ parameterCount: 7e9 }), "dev", "Comprehensive", /7000000000 parameters/],
    ["unknown parameter count never matches a bound", kit({ parameterCount: null }), "dev", "Essential", /default/],
    ["framework", kit({ kitfile: { model: { framework: "PyTorch", path: "m" } } }), "dev", "Standard", /pytorch pickles/],
    ["nothing matches → default (first) tier", kit(), "dev", "Essential", /no tier rule matched/],
    ["customer-facing repository glob raises to Standard", kit({ repository: "demo/support-bot" }), "dev", "Standard", /demo\/support-bot matches \*\/support-\*/],
    ["a tag glob raises to Standard", kit({ tags: ["public-1.0"] }), "dev", "Standard", /public-1.0 matches public-\*/],
    ["target environment raises to Standard", kit(), "production", "Standard", /environment production/],
    ["a floor never lowers: LLM stays Comprehensive in production", kit({ kitfile: llm }), "production", "Comprehensive", /at least Standard/],
  ])("%s", (_label, k, env, tier, reason) => {
    const choice = selectTier(k, env, set)!;
    expect(choice.name).toBe(tier);
    expect(choice.reasons.join("\n")).toMatch(reason);
  });

  it("the first matching `tier` rule wins over later ones", () => {
    const s = policySet({ "t.yaml": TIERS + "tierRules:\n  - { when: { llm: true }, tier: Standard }\n  - { when: { llm: true }, tier: Comprehensive }\n" });
    expect(selectTier(kit({ kitfile: llm }), "dev", s)!.name).toBe("Standard");
  });

  it("a matching small onnx model takes the tier its rule names", () => {
    const choice = selectTier(kit({ totalSize: 1000, kitfile: { model: { format: "ONNX", path: "m" } } }), "dev", set)!;
    expect(choice.name).toBe("Essential");
    expect(choice.reasons[0]).toMatch(/tiny onnx.*format onnx/);
  });

  it("defaultTier replaces the first tier as the fallback; no tiers → null", () => {
    expect(selectTier(kit(), "dev", policySet({ "t.yaml": TIERS + "defaultTier: Standard\n" }))!.name).toBe("Standard");
    expect(selectTier(kit(), "dev", policySet({}))).toBeNull();
  });
});
