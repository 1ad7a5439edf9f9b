import { env } from "@/lib/env";
import { hasMetricsToken } from "@/lib/observability/metrics-token";
import { renderMetrics } from "@/lib/observability/render-metrics";

export const dynamic = "force-dynamic";

const plain = (status: number, text: string, headers: Record<string, string> = {}) =>
  new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", ...headers } });

/**
 * Prometheus metrics on the web port, for a scraper holding KITGATE_METRICS_TOKEN (`Authorization: Bearer …`).
 * Without a configured token this port does not serve them at all (404); KITGATE_METRICS_PORT serves them on a
 * port of its own instead (lib/observability/serve-metrics.ts). Sessions and API tokens do not open it.
 */
export async function GET(request: Request) {
  if (!env.KITGATE_METRICS_TOKEN) return plain(404, "not found\n");
  if (!hasMetricsToken(request.headers.get("authorization"), env.KITGATE_METRICS_TOKEN)) {
    return plain(401, "metrics token required\n", { "WWW-Authenticate": 'Bearer realm="kitgate-metrics"' });
  }
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}
