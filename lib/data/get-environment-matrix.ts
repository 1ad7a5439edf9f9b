import "server-only";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { getEnvironmentRules } from "@/lib/approvals/get-environment-rules";
import { currentDigest } from "@/lib/approvals/promote-in-registry";
import { promotionTarget } from "@/lib/approvals/promotion-target";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import type { Actor } from "@/lib/access/actor";
import { openRepository } from "./open-repository";

/** Pending requests shown per environment cell. */
const MAX_PENDING_PER_ENV = 20;

export interface EnvironmentCell {
  environment: string;
  /** where promotion puts it: `repository:tag` (the tag may be a pattern that expands per version) */
  target: { repository: string; tag: string };
  /** the digest Kitgate promoted here last, if any */
  approvedDigest: string | null;
  /** where the environment tag points in the registry now */
  currentDigest: string | null;
  /** the tag no longer points at what was approved (someone retagged outside Kitgate) */
  drift: boolean;
  pending: ApprovalRequestDTO[];
  error: string | null;
}

/**
 * Which digest is in which environment of one repository, with pending requests and a drift alarm. Read-only,
 * authorised like any read of the repository.
 */
export async function getEnvironmentMatrix(actor: Actor, input: { registry: string; repository: string }): Promise<{ registry: string; repository: string; environments: EnvironmentCell[] }> {
  const repo = await openRepository(actor, input.registry, input.repository);
  const config = await getConfig();
  const [pointers, pending] = await Promise.all([
    db.environmentPointer.findMany({ where: { registry: repo.registry, repository: repo.repository } }),
    db.approvalRequest.findMany({
      where: { registry: repo.registry, repository: repo.repository, state: { in: ["awaiting-approval", "approved"] } },
      include: { decisions: true, promotions: true },
      orderBy: { createdAt: "desc" },
    }),
  ]);
  const environments = await Promise.all(
    (config.environments ?? []).map(async (e): Promise<EnvironmentCell> => {
      const env = getEnvironmentRules(config, e.name);
      const pointer = pointers.find((p) => p.environment === env.name) ?? null;
      const fallbackTarget = (() => {
        try {
          return promotionTarget(env, { repository: repo.repository, digest: "sha256:" + "0".repeat(64), tag: "{version}" });
        } catch {
          return { repository: repo.repository, tag: env.promotion.tag };
        }
      })();
      const target = pointer ? { repository: pointer.targetRepository, tag: pointer.tag } : { repository: fallbackTarget.repository, tag: fallbackTarget.tag };
      let now: string | null = null;
      let error: string | null = null;
      if (pointer || !target.tag.includes("{")) {
        try {
          now = await currentDigest(repo.source, target.repository, target.tag);
        } catch (err) {
          error = err instanceof Error ? err.message : String(err);
        }
      }
      const drift = pointer !== null && error === null && now !== pointer.digest;
      if (drift) await recordDrift(repo.registry, repo.repository, env.name, pointer, now);
      return {
        environment: env.name,
        target,
        approvedDigest: pointer?.digest ?? null,
        currentDigest: now,
        drift,
        pending: pending.filter((p) => p.environment === env.name).slice(0, MAX_PENDING_PER_ENV).map(toApprovalDTO),
        error,
      };
    }),
  );
  return { registry: repo.registry, repository: repo.repository, environments };
}

/**
 * Drift is noticed when someone looks (no background poller yet). It is audited and announced once per new
 * position of the tag — the target names the digest the tag moved to — so repeated page views add nothing.
 */
async function recordDrift(
  registry: string,
  repository: string,
  environment: string,
  pointer: { targetRepository: string; tag: string; digest: string },
  now: string | null,
): Promise<void> {
  const target = `${registry}/${pointer.targetRepository}:${pointer.tag}@${now ?? "deleted"}`;
  if (await db.auditEvent.findFirst({ where: { action: "drift.detected", target }, select: { id: true } })) return;
  const repoKey = `${registry}/${repository}`;
  const details = { approvedDigest: pointer.digest, currentDigest: now, tag: pointer.tag, targetRepository: pointer.targetRepository };
  await recordAuditEvent({ action: "drift.detected", actorId: "system:kitgate", actorName: "Kitgate", target, repository: repoKey, environment, details });
  void deliverWebhook("drift", { repository: repoKey, environment, ...details });
}
