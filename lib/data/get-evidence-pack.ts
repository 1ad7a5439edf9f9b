import "server-only";
import { runAuditVerification } from "@/lib/audit/run-audit-verification";
import { requirePermission } from "@/lib/auth/require-permission";
import { getConfig } from "@/lib/config/get-config";
import { db } from "@/lib/db";
import { buildEvidencePack, type StoredApproval } from "@/lib/reports/build-evidence-pack";
import type { EvidencePack } from "@/lib/reports/types";
import type { Actor } from "@/lib/access/actor";
import { evaluatePolicy } from "./evaluate-policy";
import { getModelKit } from "./get-modelkit";
import { listAttestations } from "./list-attestations";

/** Audit rows quoted in one pack; a digest with more history than this is summarised by the chain check. */
const MAX_AUDIT_ROWS = 500;
/** Approval requests of one digest quoted in one pack (one per environment per attempt in practice). */
const MAX_REQUESTS = 100;

/**
 * Everything known about one version, for `GET /api/v1/reports/evidence`: read like the version page (a
 * repository the actor cannot read is NOT_FOUND), then `report.download` on it. Attestations are discovered
 * once and reused by every environment's policy evaluation.
 */
export async function getEvidencePack(actor: Actor, input: { ref: string }): Promise<EvidencePack> {
  const mk = await getModelKit(actor, input);
  await requirePermission(actor, "report.download", { registry: mk.registry, repository: mk.repository });
  const attestations = await listAttestations(actor, { ref: mk.reference });
  const config = await getConfig();
  const policy = await Promise.all(
    (config.environments ?? []).map((e) =>
      evaluatePolicy(actor, { ref: mk.reference, environment: e.name }, { attestations: async () => attestations }).catch((error: unknown) => ({
        environment: e.name,
        error: (error as Error).message,
      })),
    ),
  );
  const approvals: StoredApproval[] = await db.approvalRequest.findMany({
    where: { registry: mk.registry, repository: mk.repository, digest: mk.digest },
    include: { decisions: { orderBy: { at: "asc" } }, promotions: { orderBy: { at: "asc" } } },
    orderBy: { createdAt: "asc" },
    take: MAX_REQUESTS,
  });
  const repoKey = `${mk.registry}/${mk.repository}`;
  const auditRows = await db.auditEvent.findMany({
    where: { repository: repoKey, seq: { not: null }, OR: [{ target: { contains: mk.digest } }, { target: { in: approvals.map((a) => a.id) } }] },
    orderBy: { seq: "asc" },
    take: MAX_AUDIT_ROWS,
  });
  return buildEvidencePack({
    generatedAt: new Date(),
    generatedBy: { id: actor.id, name: actor.name },
    modelKit: { ...mk, tags: mk.tags },
    attestations,
    policy,
    approvals,
    auditRows,
    chain: await runAuditVerification({ mode: "incremental" }),
  });
}
