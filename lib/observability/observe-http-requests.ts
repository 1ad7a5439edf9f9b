import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { KitgateMetrics } from "./metrics";
import { enterRequestContext, requestIdFrom, runWithRequestContext, type RequestContext } from "./request-context";
import type { RouteLabeler } from "./route-label";

/** Routes polled by probes and scrapers, and static files: logged at debug level while they succeed. */
const QUIET_ROUTES = new Set(["/api/health", "/api/health/live", "/api/health/ready", "/metrics", "/_next/static", "/_next/image"]);

const INSTALLED = Symbol.for("kitgate.observeHttpRequests");

/**
 * Every HTTP request the process serves, whoever serves it (Next's server, `next start` or standalone `server.js`):
 * a request id (the front's `X-Request-Id` if it sent a sane one, else a UUID) that every log line of the request
 * carries and the response returns, one access log line when it ends, and its duration in the HTTP histogram.
 *
 * Node publishes `http.server.request.start` just before it emits the request to the server's handler, in the
 * same synchronous step: the context entered here is the one Next's handler, and everything it awaits, runs in.
 * Installed once per process; later calls do nothing.
 */
export function observeHttpRequests(deps: { logger: Logger; metrics: KitgateMetrics; routeOf: RouteLabeler }): void {
  const g = globalThis as unknown as Record<typeof INSTALLED, boolean | undefined>;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;
  subscribe("http.server.request.start", (message) => {
    const { request, response } = message as { request: IncomingMessage; response: ServerResponse };
    const started = process.hrtime.bigint();
    const context: RequestContext = { requestId: requestIdFrom(request.headers["x-request-id"]) };
    response.setHeader("X-Request-Id", context.requestId);
    enterRequestContext(context);
    let ended = false;
    const end = () => {
      if (ended) return;
      ended = true;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const pathname = (request.url ?? "/").split("?")[0]!;
      const route = context.route ?? deps.routeOf(pathname);
      // a client that went away before the response was complete: no status was delivered
      const status = response.writableFinished ? response.statusCode : 499;
      deps.metrics.httpRequestDuration.observe({ method: request.method ?? "GET", route, status: String(status) }, seconds);
      const level = status >= 500 ? "error" : QUIET_ROUTES.has(route) && status < 400 ? "debug" : "info";
      // query strings are left out: OAuth callbacks carry codes and state in them
      runWithRequestContext(context, () =>
        deps.logger[level]({ method: request.method, path: pathname, route, status, ms: Math.round(seconds * 10_000) / 10 }, "request"),
      );
    };
    response.once("finish", end);
    response.once("close", end);
  });
}
