import "server-only";
import { actorRole } from "@/lib/approvals/actor-role";
import type { ApprovalRequestDTO } from "@/lib/approvals/dto-types";
import { getEnvironmentRules } from "@/lib/approvals/get-environment-rules";
import { currentDigest } from "@/lib/approvals/promote-in-registry";
import { runTransition } from "@/lib/approvals/run-transition";
import { toApprovalDTO } from "@/lib/approvals/to-approval-dto";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { getRegistries } from "@/lib/registry/get-registries";
import { deliverWebhook } from "@/lib/webhooks/deliver-webhook";
import type { Actor } from "@/lib/access/actor";
import { approvalNotFound, requireApprovalAccess } from "./require-approval-access";

const MAX_REASON_CHARS = 2000;

/**
 * An approver or admin withdraws an approval. The state change commits first; then, if the version had been
 * promoted, the environment tag moves back to the digest it held before (`onRevoke: previous`). A registry
 * cannot delete a tag (distribution deletes manifests by digest only), so `remove` — or no previous digest —
 * leaves the tag and says so in `lastError`; the matrix then shows the environment as drifted.
 */
export async function revokeApproval(actor: Actor, input: { id: string; reason?: string | null }): Promise<ApprovalRequestDTO> {
  if (actor.kind === "anonymous") throw new AppError("UNAUTHENTICATED", "Sign in to do this");
  const found = await db.approvalRequest.findUnique({ where: { id: input.id }, include: { promotions: true } });
  if (!found) throw approvalNotFound(input.id);
  await requireApprovalAccess(actor, found, "approval.decide");
  const config = await getConfig();
  const env = getEnvironmentRules(config, found.environment);
  const role = actorRole(actor, found.registry, found.repository) ?? "viewer";
  const reason = input.reason ? input.reason.slice(0, MAX_REASON_CHARS) : "revoked";
  const repoKey = `${found.registry}/${found.repository}`;
  const canonical = `${repoKey}@${found.digest}`;

  const { from } = await runTransition({
    requestId: input.id,
    event: "revoke",
    context: () => ({ role, actorId: actor.id, actorGroups: actor.groups, env, now: new Date() }),
    patch: () => ({ reason }),
    audit: (r) => [
      { action: "approval.transition", actorId: actor.id, actorName: actor.name, target: canonical, repository: repoKey, environment: r.environment, details: { requestId: r.id, from: r.state, to: "revoked", event: "revoke", reason } },
    ],
  });

  const promoted = found.promotions.findLast((p) => p.kind === "promote" && p.status === "succeeded");
  if (from === "promoted" && promoted) {
    const source = (await getRegistries(config)).get(found.registry);
    let error: string | null = null;
    let movedTo: string | null = null;
    try {
      if (!source) throw new AppError("NOT_FOUND", `registry ${found.registry} is no longer configured`);
      const now = await currentDigest(source, promoted.targetRepository, promoted.tag);
      if (now !== found.digest) {
        error = `${promoted.targetRepository}:${promoted.tag} already points at ${now ?? "nothing"}; left as is`;
      } else if (env.onRevoke === "previous" && promoted.previousDigest) {
        const prev = await source.getManifest(promoted.targetRepository, promoted.previousDigest);
        await source.putManifest(promoted.targetRepository, promoted.tag, prev.bytes, prev.descriptor.mediaType);
        if ((await currentDigest(source, promoted.targetRepository, promoted.tag)) !== promoted.previousDigest) {
          throw new AppError("UPSTREAM", `${promoted.targetRepository}:${promoted.tag} did not move back to ${promoted.previousDigest}`);
        }
        movedTo = promoted.previousDigest;
      } else {
        error = `the registry cannot delete the tag ${promoted.targetRepository}:${promoted.tag}; remove it by hand`;
      }
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    await db.$transaction(async (tx) => {
      await tx.promotion.create({
        data: { requestId: found.id, kind: "revoke", targetRepository: promoted.targetRepository, tag: promoted.tag, digest: movedTo ?? found.digest, previousDigest: found.digest, status: error ? "failed" : "succeeded", error },
      });
      const key = { registry: found.registry, repository: found.repository, environment: found.environment };
      const pointer = await tx.environmentPointer.findUnique({ where: { registry_repository_environment: key } });
      if (pointer?.digest === found.digest) {
        if (movedTo) await tx.environmentPointer.update({ where: { id: pointer.id }, data: { digest: movedTo, requestId: null } });
        else await tx.environmentPointer.delete({ where: { id: pointer.id } });
      }
      if (error) await tx.approvalRequest.update({ where: { id: found.id }, data: { lastError: error.slice(0, 1000) } });
      await recordAuditEvent(
        { action: "promotion.revoked", actorId: actor.id, actorName: actor.name, target: canonical, repository: repoKey, environment: found.environment, details: { requestId: found.id, tag: promoted.tag, movedTo, error } },
        tx,
      );
    });
  }
  const fresh = await db.approvalRequest.findUniqueOrThrow({ where: { id: input.id }, include: { decisions: true, promotions: true } });
  void deliverWebhook("revocation", { requestId: input.id, reference: canonical, environment: found.environment, by: { id: actor.id, name: actor.name }, reason, lastError: fresh.lastError });
  return toApprovalDTO(fresh);
}
