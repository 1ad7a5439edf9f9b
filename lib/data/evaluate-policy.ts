import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { AppError } from "@/lib/errors";
import { evaluatePolicy as evaluate } from "@/lib/policy/evaluate-policy";
import { loadPolicies } from "@/lib/policy/load-policies";
import { parsePolicyFiles } from "@/lib/policy/parse-policy-files";
import type { PolicyEvaluationDTO, PolicyEvidence, PolicySet } from "@/lib/policy/types";
import type { Actor } from "./dto";
import { listAttestations } from "./list-attestations";
import { locateModelKit } from "./locate-modelkit";

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
  input: { ref: string; environment: string },
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
  const result = evaluate(
    {
      kit: {
        registry: repo.registry,
        repository: repo.repository,
        digest,
        // only the tag the caller named: listing every tag of the repository per evaluation is too costly
        tags: tag ? [tag] : [],
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
