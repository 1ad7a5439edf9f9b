import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

/**
 * Kitgate's Prometheus metrics, one set per process (web or worker), served by /metrics (lib/observability/
 * serve-metrics.ts). Labels are bounded: routes are templates (`/api/v1/approvals/[id]`), registries are the
 * configured names, statuses are numbers or `error`.
 */
export interface KitgateMetrics {
  registry: Registry;
  httpRequestDuration: Histogram<"method" | "route" | "status">;
  registryRequestDuration: Histogram<"registry" | "method" | "status">;
  blobCacheRequests: Counter<"kind" | "result">;
  blobCacheBytes: Counter<"result">;
  auditAppendDuration: Histogram<"mode">;
  approvals: Gauge<"state">;
  auditUnsealedRows: Gauge;
}

function createMetrics(): KitgateMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "kitgate_" });
  const registers = [registry];
  return {
    registry,
    httpRequestDuration: new Histogram({
      name: "kitgate_http_request_duration_seconds",
      help: "HTTP requests served, by method, route template and status",
      labelNames: ["method", "route", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    registryRequestDuration: new Histogram({
      name: "kitgate_registry_request_duration_seconds",
      help: "Requests to OCI registries (each attempt, token and redirect hop), until response headers; status `error` when none came",
      labelNames: ["registry", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    }),
    blobCacheRequests: new Counter({
      name: "kitgate_blob_cache_requests_total",
      help: "Blob cache look-ups by kind (blob, manifest) and result (hit, miss)",
      labelNames: ["kind", "result"],
      registers,
    }),
    blobCacheBytes: new Counter({
      name: "kitgate_blob_cache_bytes_total",
      help: "Bytes of whole blobs served from the cache (hit) or fetched from the registry into it (miss)",
      labelNames: ["result"],
      registers,
    }),
    auditAppendDuration: new Histogram({
      name: "kitgate_audit_append_duration_seconds",
      help: "Time to write one audit row inside its transaction (inline: chain lock taken; deferred: sealed later)",
      labelNames: ["mode"],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    }),
    approvals: new Gauge({
      name: "kitgate_approval_requests",
      help: "Promotion requests by state (read from the database at scrape time)",
      labelNames: ["state"],
      registers,
    }),
    auditUnsealedRows: new Gauge({
      name: "kitgate_audit_unsealed_rows",
      help: "Audit rows written but not yet sealed into the hash chain (read from the database at scrape time)",
      registers,
    }),
  };
}

// One per process, on globalThis: instrumentation.ts and the route bundles are separate module graphs in Next.
const KEY = Symbol.for("kitgate.metrics");
const g = globalThis as unknown as Record<typeof KEY, KitgateMetrics | undefined>;

export function metrics(): KitgateMetrics {
  return (g[KEY] ??= createMetrics());
}
