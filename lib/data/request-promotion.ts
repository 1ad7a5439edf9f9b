import "server-only";
import { actorRole } from "@/lib/approvals/actor-role";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { getEnvironmentRules } from "@/lib/approvals/get-environment-rules";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import { transition } from "@/lib/approvals/transitions";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { requirePermission } from "@/lib/auth/require-permission";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { parseKitgateReference } from "@/lib/registry/parse-kitgate-reference";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import type { Actor } from "@/lib/access/actor";
import { evaluatePolicy } from "./evaluate-policy";
import { openRepository } from "./open-repository";

/** Comments are shown to approvers and signed into the statement; keep them readable. */
const MAX_COMMENT_CHARS = 2000;
const OPEN_STATES = ["awaiting-approval", "approved"];

export interface RequestPromotionInput {
  ref: string;
  environment: string;
  comment?: string | null;
  /** a retried CI call with the same key gets the same request back instead of a second one */
  idempotencyKey?: string | null;
}

export interface RequestPromotionOptions {
  /** replaces the policy evaluation (tests) */
  gate?: (actor: Actor, input: { ref: string; environment: string }) => Promise<{ passed: boolean; policyDigest: string | null }>;
  now?: Date;
}

/** A contributor asks for a digest to enter an environment; the environment's policy gate must pass first. */
export async function requestPromotion(actor: Actor, input: RequestPromotionInput, options: RequestPromotionOptions = {}): Promise<ApprovalRequestDTO> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to do this");
  if (input.idempotencyKey) {
    const existing = await db.approvalRequest.findUnique({ where: { idempotencyKey: input.idempotencyKey }, include: { decisions: true, promotions: true } });
    if (existing) {
      if (existing.requesterId !== actor.id) throw new AppError("CONFLICT", "this idempotency key was used by someone else");
      return toApprovalDTO(existing);
    }
  }
  const ref = parseKitgateReference(input.ref);
  // Permission first: anonymous callers learn to sign in, others without read access see NOT_FOUND.
  await requirePermission(actor, "promotion.request", { registry: ref.registry, repository: ref.repository });
  const repo = await openRepository(actor, ref.registry, ref.repository);
  const config = await getConfig();
  const env = getEnvironmentRules(config, input.environment);
  const digest = (await repo.source.resolve(repo.repository, ref.digest ?? ref.tag!)).digest;
  if (ref.digest && ref.digest !== digest) throw new AppError("DIGEST_MISMATCH", `${input.ref} resolved to ${digest}`);
  const canonical = `${repo.registry}/${repo.repository}@${digest}`;

  const open = await db.approvalRequest.findFirst({
    where: { registry: repo.registry, repository: repo.repository, digest, environment: env.name, state: { in: OPEN_STATES } },
  });
  if (open) throw new AppError("CONFLICT", `${canonical} already has an open request for ${env.name}`, { details: { requestId: open.id } });

  const gate = options.gate
    ? await options.gate(actor, { ref: canonical, environment: env.name })
    : await evaluatePolicy(actor, { ref: canonical, environment: env.name, tag: ref.tag });
  const role = actorRole(actor, repo.registry, repo.repository) ?? "viewer";
  const now = options.now ?? new Date();
  const outcome = transition(gate.passed ? "scan-passed" : "quarantined", "request", {
    role, actorId: actor.id, actorGroups: actor.groups, env, now, gatePassed: gate.passed,
  });
  const comment = input.comment ? input.comment.slice(0, MAX_COMMENT_CHARS) : null;
  const repoKey = `${repo.registry}/${repo.repository}`;
  const created = await db.$transaction(async (tx) => {
    const row = await tx.approvalRequest.create({
      data: {
        registry: repo.registry,
        repository: repo.repository,
        digest,
        environment: env.name,
        state: outcome.to,
        requesterId: actor.id,
        requesterName: actor.name,
        comment,
        reference: ref.tag ?? digest,
        approvalsRequired: env.approvals,
        policyDigest: gate.policyDigest,
        idempotencyKey: input.idempotencyKey ?? null,
      },
      include: { decisions: true, promotions: true },
    });
    await recordAuditEvent(
      { action: "approval.request", actorId: actor.id, actorName: actor.name, target: canonical, repository: repoKey, environment: env.name, details: { requestId: row.id, comment, policyDigest: gate.policyDigest } },
      tx,
    );
    return row;
  });
  const dto = toApprovalDTO(created);
  // after the commit, never awaited: a slow receiver must not hold the request (deliverWebhook never throws)
  void deliverWebhook("request", { requestId: dto.id, reference: dto.reference, environment: dto.environment, requester: dto.requester, comment: dto.comment });
  return dto;
}
