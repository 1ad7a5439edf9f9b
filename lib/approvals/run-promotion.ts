import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { assertPromotionGate } from "@/lib/data/evaluate-policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRegistries } from "@/lib/registry/get-registries";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import { attachCosignAttestation, attachEnvelope } from "./attach-referrer";
import { APPROVAL_PREDICATE_TYPE, buildApprovalStatement } from "./build-approval-statement";
import { getEnvironmentRules } from "./get-environment-rules";
import { promoteInRegistry } from "./promote-in-registry";
import { promotionTarget } from "./promotion-target";
import { runTransition, type RunTransitionResult } from "./run-transition";
import { loadSigningKey, signStatement } from "./sign-statement";

const SYSTEM = { id: "system:kitgate", name: "Kitgate" };

/**
 * The registry half of an approval, run after the decision committed: retag or copy, verify by resolving the
 * tag back, attach the signed decision, then record `promote-succeeded` (→ promoted) with the Promotion row and
 * the environment pointer. Any registry failure records `promote-failed`: the request stays `approved` with the
 * error, and the promote action retries it.
 */
export async function runPromotion(requestId: string, now: () => Date = () => new Date()): Promise<RunTransitionResult> {
  const request = await db.approvalRequest.findUnique({ where: { id: requestId }, include: { decisions: true } });
  if (!request) throw new AppError("NOT_FOUND", `approval request ${requestId} not found`);
  if (request.state !== "approved") throw new AppError("CONFLICT", `request is ${request.state}; only approved requests are promoted`);
  const config = await getConfig();
  const env = getEnvironmentRules(config, request.environment);
  const source = (await getRegistries(config)).get(request.registry);
  if (!source) throw new AppError("NOT_FOUND", `registry ${request.registry} is no longer configured`);
  const sourceTag = request.reference && !request.reference.startsWith("sha256:") ? request.reference : null;
  const target = promotionTarget(env, { repository: request.repository, digest: request.digest, tag: sourceTag });
  const ctx = { role: "system" as const, actorId: SYSTEM.id, actorGroups: [], env, now: now() };
  const repoKey = `${request.registry}/${request.repository}`;

  let previousDigest: string | null = null;
  let statementDigest: string | null = null;
  let copiedReferrers = 0;
  try {
    await assertPromotionGate(request);
    ({ previousDigest, copiedReferrers } = await promoteInRegistry(source, request.repository, request.digest, target));
    if (config.trust?.signingKey) {
      const key = await loadSigningKey(config.trust.signingKey);
      const subject = await source.resolve(target.repository, request.digest);
      const statement = buildApprovalStatement(
        { name: `${request.registry}/${target.repository}`, digest: request.digest },
        {
          environment: env.name,
          decision: "promoted",
          repository: repoKey,
          target: { repository: target.repository, tag: target.tag },
          requester: { id: request.requesterId, name: request.requesterName, comment: request.comment },
          approvers: request.decisions
            .filter((d) => d.decision === "approve")
            .map((d) => ({
              id: d.approverId,
              name: d.approverName,
              subject: d.approverSubject,
              groups: Array.isArray(d.approverGroups) ? (d.approverGroups as string[]) : [],
              comment: d.comment,
              at: d.at.toISOString(),
            })),
          policyDigest: request.policyDigest,
          requestId: request.id,
          time: now().toISOString(),
        },
      );
      const envelope = signStatement(statement, key);
      const attached = await attachEnvelope(source, target.repository, subject, envelope, {
        "dev.kitgate.approved-for": env.name,
        "org.opencontainers.image.created": now().toISOString(),
      });
      statementDigest = attached.digest;
      await attachCosignAttestation(source, target.repository, request.digest, envelope, APPROVAL_PREDICATE_TYPE);
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const failed = await runTransition({
      requestId,
      event: "promote-failed",
      context: () => ctx,
      patch: () => ({ lastError: message.slice(0, 1000) }),
      write: async (tx) => {
        await tx.promotion.create({
          data: { requestId, kind: "promote", targetRepository: target.repository, tag: target.tag, digest: request.digest, previousDigest, status: "failed", error: message.slice(0, 1000) },
        });
      },
      audit: () => [
        { action: "promotion.failed", actorId: SYSTEM.id, actorName: SYSTEM.name, target: `${repoKey}@${request.digest}`, repository: repoKey, environment: env.name, details: { requestId, tag: target.tag, targetRepository: target.repository, error: message.slice(0, 500) } },
      ],
    });
    void deliverWebhook("promotion", { requestId, reference: `${repoKey}@${request.digest}`, environment: env.name, ok: false, error: message.slice(0, 500) });
    return failed;
  }
  const promoted = await runTransition({
    requestId,
    event: "promote-succeeded",
    context: () => ctx,
    patch: () => ({ lastError: null }),
    write: async (tx) => {
      await tx.promotion.create({
        data: { requestId, kind: "promote", targetRepository: target.repository, tag: target.tag, digest: request.digest, previousDigest, status: "succeeded", statementDigest },
      });
      const key = { registry: request.registry, repository: request.repository, environment: env.name };
      const data = { targetRepository: target.repository, tag: target.tag, digest: request.digest, requestId };
      await tx.environmentPointer.upsert({ where: { registry_repository_environment: key }, create: { ...key, ...data }, update: data });
    },
    audit: () => [
      { action: "promotion.succeeded", actorId: SYSTEM.id, actorName: SYSTEM.name, target: `${repoKey}@${request.digest}`, repository: repoKey, environment: env.name, details: { requestId, tag: target.tag, targetRepository: target.repository, previousDigest, statementDigest, copiedReferrers } },
    ],
  });
  void deliverWebhook("promotion", { requestId, reference: `${repoKey}@${request.digest}`, environment: env.name, ok: true, target: `${target.repository}:${target.tag}`, statementDigest });
  return promoted;
}
