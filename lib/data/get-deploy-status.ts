import "server-only";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { getEnvironmentRules } from "@/lib/approvals/get-environment-rules";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import type { ApprovalState } from "@/lib/approvals/types";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseKitgateReference } from "@/lib/registry/parse-kitgate-reference";
import type { Actor } from "@/lib/access/actor";
import { evaluatePolicy } from "./evaluate-policy";
import { openRepository } from "./open-repository";

export interface DeployStatusDTO {
  reference: string;
  digest: string;
  environment: string;
  /** the latest request's state, or `quarantined` when nobody asked yet */
  state: ApprovalState;
  approvals: number;
  approvalsRequired: number;
  /** approved and promoted (the tag is verified) */
  mayDeploy: boolean;
  request: ApprovalRequestDTO | null;
}

export interface DeployStatusOptions {
  /** replaces the policy evaluation (tests) */
  gate?: (actor: Actor, input: { ref: string; environment: string }) => Promise<{ passed: boolean }>;
}

/**
 * For CI: "may REF go to ENV now?" — the latest request for that exact digest and environment; with no request
 * yet, the environment's policy gate says whether it is `scan-passed` (may be requested) or `quarantined`.
 */
export async function getDeployStatus(actor: Actor, input: { ref: string; environment: string }, options: DeployStatusOptions = {}): Promise<DeployStatusDTO> {
  const ref = parseKitgateReference(input.ref);
  const repo = await openRepository(actor, ref.registry, ref.repository);
  const env = getEnvironmentRules(await getConfig(), input.environment);
  const digest = (await repo.source.resolve(repo.repository, ref.digest ?? ref.tag!)).digest;
  if (ref.digest && ref.digest !== digest) throw new AppError("DIGEST_MISMATCH", `${input.ref} resolved to ${digest}`);
  const latest = await db.approvalRequest.findFirst({
    where: { registry: repo.registry, repository: repo.repository, digest, environment: env.name },
    orderBy: { createdAt: "desc" },
    include: { decisions: true, promotions: true },
  });
  const dto = latest ? toApprovalDTO(latest) : null;
  const reference = `${repo.registry}/${repo.repository}@${digest}`;
  let state: ApprovalState = dto?.state ?? "quarantined";
  if (!dto) {
    const gate = await (options.gate ?? evaluatePolicy)(actor, { ref: reference, environment: env.name });
    state = gate.passed ? "scan-passed" : "quarantined";
  }
  return {
    reference,
    digest,
    environment: env.name,
    state,
    approvals: dto?.approvals ?? 0,
    approvalsRequired: dto?.approvalsRequired ?? env.approvals,
    mayDeploy: dto?.state === "promoted",
    request: dto,
  };
}
