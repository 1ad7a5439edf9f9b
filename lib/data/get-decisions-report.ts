import "server-only";
import { requirePermission } from "@/lib/auth/require-permission";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DECISIONS_REPORT_FORMAT, type DecisionsReport } from "@/lib/reports/types";
import type { Actor } from "@/lib/access/actor";

/** Decisions in one report; a longer period is cut and flagged (`truncated`), so a download stays bounded. */
const MAX_DECISIONS = 10_000;

/**
 * Every approval decision on one repository in a period, oldest first, for
 * `GET /api/v1/reports/decisions`. A repository the actor cannot read answers NOT_FOUND, like everywhere else.
 */
export async function getDecisionsReport(
  actor: Actor,
  input: { registry: string; repository: string; from?: Date; to?: Date },
): Promise<DecisionsReport> {
  const target = { registry: input.registry, repository: input.repository };
  await requirePermission(actor, "report.download", target);
  if (input.from && input.to && input.from > input.to) throw new AppError("BAD_REQUEST", "from is after to");
  const rows = await db.approvalDecision.findMany({
    where: {
      request: target,
      at: { ...(input.from ? { gte: input.from } : {}), ...(input.to ? { lte: input.to } : {}) },
    },
    include: { request: true },
    orderBy: { at: "asc" },
    take: MAX_DECISIONS + 1,
  });
  return {
    format: DECISIONS_REPORT_FORMAT,
    generatedAt: new Date().toISOString(),
    generatedBy: { id: actor.id, name: actor.name },
    repository: `${input.registry}/${input.repository}`,
    from: input.from?.toISOString() ?? null,
    to: input.to?.toISOString() ?? null,
    truncated: rows.length > MAX_DECISIONS,
    decisions: rows.slice(0, MAX_DECISIONS).map((d) => ({
      at: d.at.toISOString(),
      repository: `${d.request.registry}/${d.request.repository}`,
      digest: d.request.digest,
      environment: d.request.environment,
      decision: d.decision,
      approverId: d.approverId,
      approverName: d.approverName,
      approverSubject: d.approverSubject,
      approverGroups: Array.isArray(d.approverGroups) ? d.approverGroups.filter((g): g is string => typeof g === "string") : [],
      comment: d.comment,
      requestId: d.request.id,
      requestState: d.request.state,
      requesterName: d.request.requesterName,
    })),
  };
}
