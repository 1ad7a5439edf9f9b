import "server-only";
import { metrics } from "./metrics";
import { refreshDatabaseGauges } from "./refresh-database-gauges";

/** The Prometheus text exposition of this process, with the database gauges read now. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  await refreshDatabaseGauges(m);
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
