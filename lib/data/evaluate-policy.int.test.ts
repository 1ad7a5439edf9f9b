// The policy checklist end to end through the data layer: the demo ModelKits in an OCI layout, signed scan
// attestations attached the way cosign does (`.att` tag), the repository's own policies/ and the environment
// order of kitgate.yaml, trust from a key file. Nothing is injected: discovery, verification and policy run as
// the page and GET /api/v1/policy/evaluate run them.
import { execFileSync } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { PolicyEvaluationDTO, RuleResult } from "@/lib/policy/types";
import { createLayoutSource } from "@/lib/registry/layout/create-layout-source";
import { attachCosignAtt, type AttachTarget } from "@/scripts/demo-data/attach-attestation";
import { signDsse, statement } from "@/scripts/demo-data/sign-attestation";
import { writeDemoData } from "@/test/support/fixtures/modelkits";

type Actor = import("@/lib/access/actor").Actor;
const SCAN = "https://kitops.org/attestation/scan/v1";
const NOW = new Date("2026-11-25T12:00:00Z");

let dir: string;
let actor: Actor;
let evaluatePolicy: typeof import("./evaluate-policy").evaluatePolicy;
const ids: Record<string, string> = {};

const scanPredicate = (passed: boolean, tools: string[]) => ({
  evaluations: tools.map((name) => ({
    tool: { name, version: "1.0.0" },
    metrics: [{ name: "unsafe_operators", value: passed ? 0 : 3, threshold: 0, comparator: "<=" }],
    execution: { startedOn: "2026-11-20T11:58:00Z", finishedOn: "2026-11-20T11:59:10Z" },
    findings: passed ? [{ id: "INFO-1", severity: "info", message: "fine" }] : [{ id: "PICKLE-GLOBAL", severity: "error", message: "os.system in pickle", location: "model/model.pkl" }],
  })),
});

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-policy-"));
  const layout = path.join(dir, "layout");
  await writeDemoData(layout);
  const source = createLayoutSource({ name: "local", root: layout });
  const ci = generateKeyPairSync("ec", { namedCurve: "P-256" });
  await writeFile(path.join(dir, "ci.pub"), ci.publicKey.export({ type: "spki", format: "pem" }));

  const attach = async (repo: string, tag: string, passed: boolean, tools: string[]) => {
    const subject = await source.resolve(repo, tag);
    const t: AttachTarget = {
      putBlob: (b) => source.putBlob(repo, b),
      putManifest: (ref, b, mt) => source.putManifest(repo, ref, b, mt),
      getManifest: async (ref) => {
        try {
          return (await source.getManifest(repo, ref)).bytes;
        } catch (e) {
          if (e instanceof AppError && e.code === "NOT_FOUND") return null;
          throw e;
        }
      },
    };
    const st = { ...statement(subject.digest, SCAN, scanPredicate(passed, tools)) };
    await attachCosignAtt(t, subject.digest, [{ envelope: signDsse(st, ci.privateKey), predicateType: SCAN }]);
  };
  await attach("demo/fraud-detection", "1.1.0", true, ["modelscan"]);
  await attach("demo/fraud-detection", "1.0.0", false, ["modelscan"]);
  await attach("demo/support-llm", "1.1.0", true, ["modelscan"]);

  await writeFile(
    path.join(dir, "kitgate.yaml"),
    [
      "registries:",
      "  - { name: local, layout: ./layout }",
      "cache: { dir: ./cache, maxBytes: 1073741824 }",
      "trust:",
      "  keys: [{ name: ci-scanner, publicKeyFile: ./ci.pub }]",
      `policies: ${path.resolve("policies")}`,
      "environments:",
      "  - { name: dev }",
      "  - { name: staging, after: dev }",
      "  - { name: production, after: staging }",
      "",
    ].join("\n"),
  );
  Object.assign(process.env, { KITGATE_CONFIG: path.join(dir, "kitgate.yaml"), DATABASE_URL: `file:${path.join(dir, "test.db")}` });
  execFileSync("npx", ["prisma", "migrate", "deploy"], { env: process.env, stdio: "pipe" });

  const { resolveGrants } = await import("@/lib/access/resolve-grants");
  const rules = [{ group: "readers", role: "viewer" as const, scope: "local/*" }];
  actor = { id: "t", name: "Test viewer", kind: "user", groups: ["readers"], access: { grants: resolveGrants(rules, { kind: "user", id: "t", groups: ["readers"] }) } };
  evaluatePolicy = (await import("./evaluate-policy")).evaluatePolicy;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const evalAt = (ref: string, environment: string) => evaluatePolicy(actor, { ref, environment }, { now: NOW });
const failing = (r: PolicyEvaluationDTO) => r.rules.filter((x: RuleResult) => !x.passed).map((x) => x.id);

describe("policy evaluation of the demo through the data layer", () => {
  it("fraud-detection 1.1.0 (passing signed scan) may enter every environment", async () => {
    for (const env of ["dev", "staging", "production"]) {
      const r = await evalAt("local/demo/fraud-detection:1.1.0", env);
      expect({ env, failing: failing(r) }).toEqual({ env, failing: [] });
      expect(r.tier?.name).toBe("Essential");
      expect(r.passed).toBe(true);
    }
    const prod = await evalAt("local/demo/fraud-detection:1.1.0", "production");
    expect(prod.environments).toEqual(["dev", "staging", "production"]);
    expect(prod.policyFiles).toEqual(["policies/gates.yaml", "policies/tiers.yaml"]);
    expect(prod.policyDigest).toMatch(/^sha256:[0-9a-f]{64}$/);
    const signer = prod.rules.find((x) => x.kind === "signer")!;
    expect(signer.reason).toBe("signed by ci-scanner");
    ids.passing = signer.evidence[0]!.attestationId!;
  });

  it("fraud-detection 1.0.0 (failing scan) enters dev only; staging names the finding and metric, production the order", async () => {
    expect((await evalAt("local/demo/fraud-detection:1.0.0", "dev")).passed).toBe(true);
    const staging = await evalAt("local/demo/fraud-detection:1.0.0", "staging");
    expect(failing(staging)).toEqual(["max-severity", "metrics"]);
    const sev = staging.rules.find((x) => x.id === "max-severity")!;
    expect(sev.evidence[0]!.finding).toMatch(/^error PICKLE-GLOBAL \(modelscan\) — os\.system in pickle at model\/model\.pkl$/);
    expect(typeof sev.evidence[0]!.attestationId).toBe("string");
    expect(sev.evidence[0]!.attestationId).not.toBe(ids.passing);

    const prod = await evalAt("local/demo/fraud-detection:1.0.0", "production");
    expect(failing(prod)).toEqual(["order:staging", "max-severity", "metrics"]);
    expect(prod.rules[0]!.reason).toMatch(/staging gate fails: No finding worse than concern; Every reported metric passes/);
  });

  it("support-llm is an LLM → Comprehensive, and says which scans are missing", async () => {
    const r = await evalAt("local/demo/support-llm:1.1.0", "staging");
    expect(r.tier?.name).toBe("Comprehensive");
    expect(r.tier?.reasons[0]).toMatch(/all LLMs.*model format is gguf/);
    const tier = r.rules.filter((x) => x.kind === "tier-requirement");
    expect(tier.map((x) => [x.passed, x.reason])).toEqual([
      [false, "scanner garak did not run (ran: modelscan)"],
      [false, "no verified vulnerability scan (https://cosign.sigstore.dev/attestation/vuln/v1) signed by ci-scanner"],
    ]);
    expect(r.passed).toBe(false);
  });

  it("an unknown environment is NOT_FOUND; a version without attestations lists what is missing", async () => {
    await expect(evalAt("local/demo/fraud-detection:1.1.0", "qa")).rejects.toMatchObject({ code: "NOT_FOUND" });
    const r = await evalAt("local/demo/churn-model:1.0.0", "dev");
    expect(r.passed).toBe(false);
    expect(r.rules.find((x) => x.kind === "required-predicate")!.evidence).toEqual([{ missing: SCAN }]);
  });
});
