import "server-only";
import { DEFAULT_TIMEOUT_MS } from "@/lib/oci/limits";
import type { OciContext, RegistryAuth } from "@/lib/oci/client/types";
import type { Fetcher } from "@/lib/oci/types";
import { createEdgeFetcher } from "@/lib/oci/transport/create-edge-fetcher";
import { withAuth, type AuthOptions } from "@/lib/oci/transport/with-auth";
import { withRedirects } from "@/lib/oci/transport/with-redirects";
import { withRetry, type RetryOptions } from "@/lib/oci/transport/with-retry";
import { withTelemetry } from "@/lib/oci/transport/with-telemetry";

export interface OciContextOptions {
  /** registry base URL, http(s), origin only */
  url: string;
  auth?: RegistryAuth;
  /** hosts besides the registry's own that may serve its token realm */
  realmHosts?: readonly string[];
  /** the registry's name, for error messages (default: its host) */
  name?: string;
  /** the edge fetcher (default: an undici Agent of its own, see create-edge-fetcher); tests inject fakes here */
  fetch?: Fetcher;
  /** deadline of one registry call: connect + response headers, and the whole exchange for small bodies */
  timeoutMs?: number;
  retry?: Omit<RetryOptions, "headersTimeoutMs">;
}

function authOptions(auth: RegistryAuth | undefined, base: AuthOptions): AuthOptions {
  if (!auth || auth.type === "anonymous") return base;
  if (auth.type === "token") return { ...base, staticToken: auth.token };
  if (auth.username !== undefined && auth.password !== undefined) {
    return { ...base, credentials: { username: auth.username, password: auth.password } };
  }
  return base;
}

/**
 * Composes the transport stack oras-go style — `withAuth → withRetry → withRedirects → withTelemetry → fetch` — for one
 * registry and one credential. Nothing is shared between contexts, so tokens never cross credentials.
 */
export function createOciContext(options: OciContextOptions): OciContext {
  let url: URL;
  try {
    url = new URL(options.url);
  } catch {
    throw new TypeError(`registry url is not a URL: ${JSON.stringify(options.url)}`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new TypeError("registry url must be http(s)");
  if ((url.pathname !== "/" && url.pathname !== "") || url.search || url.hash || url.username || url.password) {
    throw new TypeError("registry url must be an origin only (no path, query, fragment or userinfo)");
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new TypeError("timeoutMs must be a positive number");
  if (options.fetch !== undefined && typeof options.fetch !== "function") throw new TypeError("fetch must be a function");
  const name = options.name ?? url.host;
  const edge: Fetcher =
    options.fetch ?? createEdgeFetcher({ connectTimeoutMs: timeoutMs, headersTimeoutMs: timeoutMs, bodyIdleTimeoutMs: timeoutMs });
  const fetcher = withAuth(
    withRetry(withRedirects(withTelemetry(edge, name)), { ...options.retry, headersTimeoutMs: timeoutMs, registry: name }),
    authOptions(options.auth, {
      tokenTimeoutMs: timeoutMs,
      registryUrl: url.origin,
      ...(options.realmHosts ? { realmHosts: options.realmHosts } : {}),
    }),
  );
  return {
    name,
    baseUrl: url.origin,
    fetcher,
    timeoutMs,
    probes: { referrersApi: "unknown", range: "unknown", tagPagination: "unknown" },
  };
}
