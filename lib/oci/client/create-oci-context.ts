import "server-only";
import { DEFAULT_TIMEOUT_MS } from "@/lib/oci/limits";
import type { OciContext, RegistryAuth } from "@/lib/oci/client/types";
import type { Fetcher } from "@/lib/oci/types";
import { withAuth, type AuthOptions } from "@/lib/oci/transport/with-auth";
import { withRedirects } from "@/lib/oci/transport/with-redirects";
import { withRetry, type RetryOptions } from "@/lib/oci/transport/with-retry";

export interface OciContextOptions {
  /** registry base URL, http(s), origin only */
  url: string;
  auth?: RegistryAuth;
  /** the edge fetcher (default: global fetch); tests inject fakes here */
  fetch?: Fetcher;
  timeoutMs?: number;
  retry?: Omit<RetryOptions, "headersTimeoutMs">;
}

function authOptions(auth: RegistryAuth | undefined, timeoutMs: number): AuthOptions {
  if (!auth || auth.type === "anonymous") return { tokenTimeoutMs: timeoutMs };
  if (auth.type === "token") return { staticToken: auth.token, tokenTimeoutMs: timeoutMs };
  if (auth.username !== undefined && auth.password !== undefined) {
    return { credentials: { username: auth.username, password: auth.password }, tokenTimeoutMs: timeoutMs };
  }
  return { tokenTimeoutMs: timeoutMs };
}

/**
 * Composes the transport stack oras-go style — `withAuth → withRetry → withRedirects → fetch` — for one
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
  const edge: Fetcher = options.fetch ?? ((req) => fetch(req));
  const fetcher = withAuth(
    withRetry(withRedirects(edge), { ...options.retry, headersTimeoutMs: timeoutMs }),
    authOptions(options.auth, timeoutMs),
  );
  return {
    baseUrl: url.origin,
    fetcher,
    timeoutMs,
    probes: { referrersApi: "unknown", range: "unknown", tagPagination: "unknown" },
  };
}
