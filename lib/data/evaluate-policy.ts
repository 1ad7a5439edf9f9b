import "server-only";
import { getEnvironmentRules } from "@/lib/approvals/get-environment-rules";
import { promotionTarget } from "@/lib/approvals/promotion-target";
import { getConfig } from "@/lib/config/get-config";
import type { KitgateConfig } from "@/lib/config/types";
import { AppError } from "@/lib/errors";
import { evaluatePolicy as evaluate } from "@/lib/policy/evaluate-policy";
import { loadPolicies } from "@/lib/policy/load-policies";
import { parsePolicyFiles } from "@/lib/policy/parse-policy-files";
import type { PolicyEvaluationDTO, PolicyEvidence, PolicySet } from "@/lib/policy/types";
import type { Actor } from "@/lib/access/actor";
import { listAttestations } from "./list-attestations";
import { locateModelKit } from "./locate-modelkit";
import { tagsForPolicy } from "./internal/tags-for-policy";

export interface EvaluatePolicyOptions {
  /** evaluation time (tests); defaults to now */
  now?: Date;
  /** replaces attestation discovery (tests); defaults to `listAttestations` for the same actor */
  attestations?: (actor: Actor, input: { ref: string }) => Promise<PolicyEvidence[]>;
}

/**
 * "May this version enter ENV, and if not, why?" for one reference: the checklist of every rule with its
 * evidence. Authorised like any read of the version (`locateModelKit`); an unknown environment is NOT_FOUND.
 */
export async function evaluatePolicy(
  actor: Actor,
  input: { ref: string; environment: string; tag?: string | null },
  options: EvaluatePolicyOptions = {},
): Promise<PolicyEvaluationDTO> {
  const { view, repo, digest, tag } = await locateModelKit(actor, input.ref);
  const config = await getConfig();
  const environments = (config.environments ?? []).map((e) => ({ name: e.name, ...(e.after ? { after: e.after } : {}) }));
  if (!environments.some((e) => e.name === input.environment)) {
    throw new AppError("NOT_FOUND", `unknown environment "${input.environment}" (configured: ${environments.map((e) => e.name).join(", ") || "none"})`);
  }
  const set: PolicySet = config.policies
    ? await loadPolicies(config.policies, { environments, trustKeys: (config.trust?.keys ?? []).map((k) => k.name) })
    : parsePolicyFiles([], { environments });

  const reference = `${repo.registry}/${repo.repository}@${digest}`;
  const attestations = await (options.attestations ?? listAttestations)(actor, { ref: reference });
  // Every tag on the digest (that a tag rule could match), the tag named here or in the request, and the tag the
  // promotion into this environment will create: /policy/evaluate, the request and the promotion all see the same.
  const requested = tag ?? input.tag ?? null;
  const tags = await tagsForPolicy(repo.source, repo.repository, digest, set, [requested, promotionTag(config, input.environment, repo.repository, digest, requested)]);
  const result = evaluate(
    {
      kit: {
        registry: repo.registry,
        repository: repo.repository,
        digest,
        tags,
        format: view.format,
        kitfile: view.kitfile,
        totalSize: view.totalSize,
        layerPaths: view.layers.map((l) => l.path).filter((p): p is string => p !== null),
      },
      attestations,
      environment: input.environment,
      now: options.now ?? new Date(),
    },
    set,
  );
  return { ...result, reference, digest, environments: environments.map((e) => e.name), policyFiles: set.files };
}

/** The tag a promotion into `environment` would put on the digest; null when its pattern does not expand to a tag. */
function promotionTag(config: KitgateConfig, environment: string, repository: string, digest: string, tag: string | null): string | null {
  try {
    return promotionTarget(getEnvironmentRules(config, environment), { repository, digest, tag }).tag;
  } catch {
    return null;
  }
}

/** Kitgate itself, for re-checking a gate when an approved request is promoted (the approval authorised it). */
const SYSTEM_ACTOR: Actor = {
  id: "system:kitgate",
  name: "Kitgate",
  kind: "user",
  groups: [],
  access: { grants: [{ role: "viewer", scope: "*", via: "promotion re-check" }] },
};

/**
 * The gate as the promotion sees it, right before the retag: the same evaluation as /policy/evaluate and the
 * request (tags now on the digest + the requested tag + the promotion tag), so a tag pushed after the request
 * (say `public-1.0`, which needs a vulnerability scan) cannot ride an approval given without it. Throws CONFLICT
 * naming the failed rules; the promotion records it as its error. Only tags can have changed what the request
 * was told in a way this finding is about, so without tag rules in the policies nothing is re-evaluated (a scan that
 * ages out between approval and promotion is the drift check's business, not a reason to strand an approval).
 */
export async function assertPromotionGate(request: { registry: string; repository: string; digest: string; environment: string; reference: string | null }): Promise<void> {
  const config = await getConfig();
  if (!config.policies) return;
  const environments = (config.environments ?? []).map((e) => ({ name: e.name, ...(e.after ? { after: e.after } : {}) }));
  const set = await loadPolicies(config.policies, { environments, trustKeys: (config.trust?.keys ?? []).map((k) => k.name) });
  if (!set.tierRules.some((r) => r.when.tags !== undefined)) return;
  const tag = request.reference && !request.reference.startsWith("sha256:") ? request.reference : null;
  const result = await evaluatePolicy(SYSTEM_ACTOR, {
    ref: `${request.registry}/${request.repository}@${request.digest}`,
    environment: request.environment,
    tag,
  });
  if (!result.passed) {
    const failed = result.rules.filter((r) => !r.passed).map((r) => r.reason);
    throw new AppError("CONFLICT", `the ${request.environment} policy gate no longer passes: ${failed.join("; ") || "see /policy/evaluate"}`);
  }
}
