import "server-only";
import { env } from "@/lib/env";
import { logger } from "./logger";
import { metrics } from "./metrics";
import { observeHttpRequests } from "./observe-http-requests";
import { loadRouteLabeler } from "./route-label";
import { startMetricsServer } from "./serve-metrics";

/** Request ids, the access log and HTTP metrics for this web process, and the metrics port if one is configured. */
export function startObservability(): void {
  observeHttpRequests({ logger, metrics: metrics(), routeOf: loadRouteLabeler() });
  if (env.KITGATE_METRICS_PORT) startMetricsServer(env.KITGATE_METRICS_PORT, "0.0.0.0");
  logger.info({ logLevel: logger.level, metricsPort: env.KITGATE_METRICS_PORT ?? null, metricsToken: Boolean(env.KITGATE_METRICS_TOKEN) }, "observability ready");
}
