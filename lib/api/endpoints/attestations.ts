import { modelKitQuery } from "@/lib/validations/modelkit-query";
import { policyEvaluateQuery } from "@/lib/validations/policy-evaluate-query";
import { endpoint } from "../endpoint";
import { attestationListSchema } from "../schemas/attestations";
import { policyEvaluationSchema } from "../schemas/policy";

export const evidenceEndpoints = {
  listAttestations: endpoint({
    method: "GET",
    path: "/attestations",
    tag: "attestations",
    summary: "Signatures and attestations of one version, each verified against the configured trust keys",
    description:
      "Found through the referrers API, the `sha256-<hex>` fallback index, cosign `.att`/`.sig` tags, sigstore bundles and Notary v2 signatures. `predicateType` and `predicate` come only from a verified signed payload.",
    access: { permission: "repository.read", signIn: false },
    query: modelKitQuery,
    response: { kind: "json", status: 200, schema: attestationListSchema, description: "Attestations with their verification status" },
    errors: ["NOT_FOUND"],
    readsRegistry: true,
  }),
  evaluatePolicy: endpoint({
    method: "GET",
    path: "/policy/evaluate",
    tag: "policy",
    summary: "May this version enter an environment? Every policy rule with pass/fail, reason and evidence",
    description:
      "The scanning tier chosen for the version and why, the environment's gate rules (earlier environments' gates included), and the policy digest. Only verified attestations count as evidence. 404 for an unknown environment.",
    access: { permission: "repository.read", signIn: false },
    query: policyEvaluateQuery,
    response: { kind: "json", status: 200, schema: policyEvaluationSchema, description: "The evaluation" },
    errors: ["NOT_FOUND", "CONFIG_INVALID"],
    readsRegistry: true,
  }),
};
