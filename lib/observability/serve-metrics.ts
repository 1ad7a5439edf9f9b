import "server-only";
import { createServer, type Server } from "node:http";
import { logger } from "./logger";
import { renderMetrics } from "./render-metrics";

/**
 * `/metrics` on a port of its own (KITGATE_METRICS_PORT), without a token: for a scraper that reaches pods on a
 * port the Service and Ingress do not expose. Anything else on that port is 404.
 */
export function startMetricsServer(port: number, host: string): Server {
  const server = createServer((req, res) => {
    if (req.method !== "GET" || (req.url ?? "").split("?")[0] !== "/metrics") {
      res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
      return;
    }
    renderMetrics().then(
      ({ body, contentType }) => res.writeHead(200, { "Content-Type": contentType, "Cache-Control": "no-store" }).end(body),
      (error: unknown) => {
        logger.error({ err: error }, "metrics: rendering failed");
        res.writeHead(500, { "Content-Type": "text/plain" }).end("metrics failed\n");
      },
    );
  });
  server.on("error", (error) => logger.error({ err: error, port }, "metrics: server error"));
  server.listen(port, host, () => logger.info({ port, host }, "metrics: listening"));
  // the metrics port must never keep a process alive that is otherwise done
  server.unref();
  return server;
}
