// `GET /policy/evaluate` (lib/policy/types.ts PolicyEvaluationDTO).
import { z } from "zod";
import { digest } from "./common";
import { named } from "./components";

export const ruleResultSchema = named(
  "PolicyRuleResult",
  z.strictObject({
    id: z.string(),
    kind: z.enum(["gate-defined", "environment-order", "tier-requirement", "required-predicate", "signer", "max-age", "max-severity", "metrics", "compliance"]),
    title: z.string(),
    passed: z.boolean(),
    reason: z.string(),
    evidence: z.array(
      z.strictObject({
        attestationId: z.string().optional(),
        predicateType: z.string().optional(),
        finding: z.string().optional().describe("a finding or metric, as one line of text"),
        missing: z.string().optional().describe("what was looked for and not found"),
        note: z.string().optional(),
      }),
    ),
  }),
);

export const policyEvaluationSchema = named(
  "PolicyEvaluation",
  z.strictObject({
    reference: z.string().describe("canonical `registry/repository@sha256:…` that was evaluated"),
    digest,
    environment: z.string(),
    tier: z.strictObject({ name: z.string(), reasons: z.array(z.string()).describe("the matching rules, or `default`") }).nullable(),
    passed: z.boolean().describe("every rule passed: the version may be requested for the environment"),
    rules: z.array(ruleResultSchema),
    policyDigest: z.string().describe("sha256 over the policy files and environments, recorded in decisions"),
    evaluatedAt: z.string(),
    environments: z.array(z.string()).describe("every configured environment, in config order"),
    policyFiles: z.array(z.string()),
  }),
);
