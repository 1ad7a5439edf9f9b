import "server-only";
import { env } from "@/lib/env";
import { checkReadiness } from "@/lib/health/readiness";
import { webReadinessChecks } from "@/lib/health/readiness-checks";
import { hasMetricsToken } from "@/lib/observability/metrics-token";
import { renderMetrics } from "@/lib/observability/render-metrics";

// The operational endpoints' HTTP glue (app/ reaches lib only through lib/data and lib/http): health and metrics.

/** A probe that takes longer than this has learnt nothing; kubelet's default probe timeout is 1 s, ours is 3 s. */
const CHECK_TIMEOUT_MS = 2_000;

/** Liveness: the process serves HTTP. Nothing else is checked, so a slow database never gets a replica restarted. */
export function liveResponse(): Response {
  return Response.json({ status: "live" }, { headers: { "Cache-Control": "no-store" } });
}

/**
 * Readiness: 200 when this replica should get traffic, 503 with the reasons when not (shutting down, config not
 * loadable, database unreachable or not migrated). Public like any load-balancer probe: it names what is wrong,
 * never a secret or a connection string.
 */
export async function readyResponse(): Promise<Response> {
  const report = await checkReadiness(webReadinessChecks, CHECK_TIMEOUT_MS);
  const reasons = report.checks.flatMap((c) => c.problems);
  return Response.json(
    { status: report.ready ? "ready" : "not ready", reasons, checks: report.checks.map(({ name, ok, ms }) => ({ name, ok, ms })) },
    { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/**
 * Prometheus metrics on the web port, for a scraper holding KITGATE_METRICS_TOKEN (`Authorization: Bearer …`).
 * Without a configured token this port does not serve them at all (404); KITGATE_METRICS_PORT serves them on a
 * port of its own instead (lib/observability/serve-metrics.ts). Sessions and API tokens do not open it.
 */
export async function metricsResponse(request: Request): Promise<Response> {
  if (!env.KITGATE_METRICS_TOKEN) return plain(404, "not found\n");
  if (!hasMetricsToken(request.headers.get("authorization"), env.KITGATE_METRICS_TOKEN)) {
    return plain(401, "metrics token required\n", { "WWW-Authenticate": 'Bearer realm="kitgate-metrics"' });
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
