import "server-only";
import { logger } from "./logger";
import type { KitgateMetrics } from "./metrics";

/**
 * Gauges whose truth is in the database, shared by every replica: read at scrape time. A database that does not
 * answer leaves the last values in place (the scrape still succeeds; readiness reports the database).
 */
export async function refreshDatabaseGauges(m: KitgateMetrics): Promise<void> {
  try {
    const { db } = await import("@/lib/db");
    const [byState, unsealed] = await Promise.all([
      db.approvalRequest.groupBy({ by: ["state"], _count: { _all: true } }),
      db.auditEvent.count({ where: { seq: null } }),
    ]);
    m.approvals.reset();
    for (const row of byState) m.approvals.set({ state: row.state }, row._count._all);
    m.auditUnsealedRows.set(unsealed);
  } catch (error) {
    logger.warn({ err: error }, "metrics: database gauges not refreshed");
  }
}
