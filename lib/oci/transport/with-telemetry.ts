import "server-only";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import type { Fetcher } from "@/lib/oci/types";

/**
 * Times every exchange with a registry, one hop at a time (token requests, retries and redirect hops each count),
 * into `kitgate_registry_request_duration_seconds{registry,method,status}` and a debug log line carrying the
 * request id. Only the host and path are logged: query strings of redirect targets carry storage signatures.
 */
export function withTelemetry(next: Fetcher, registry: string): Fetcher {
  return async (req) => {
    const started = performance.now();
    const url = new URL(req.url);
    const done = (status: number | "error", error?: unknown) => {
      const ms = performance.now() - started;
      metrics().registryRequestDuration.observe({ registry, method: req.method, status: String(status) }, ms / 1000);
      const line = { registry, method: req.method, host: url.host, path: url.pathname, status, ms: Math.round(ms * 10) / 10 };
      if (error !== undefined) logger.warn({ ...line, error: error instanceof Error ? error.message : String(error) }, "registry request failed");
      else if (status !== "error" && status >= 500) logger.warn(line, "registry request");
      else logger.debug(line, "registry request");
    };
    try {
      const res = await next(req);
      done(res.status);
      return res;
    } catch (error) {
      done("error", error);
      throw error;
    }
  };
}
