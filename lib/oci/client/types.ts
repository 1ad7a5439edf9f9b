import type { Fetcher } from "@/lib/oci/types";

/** How to authenticate against one registry. Credentials arrive as values (the config loader reads env). */
export type RegistryAuth =
  | { type: "anonymous" }
  | { type: "basic"; username: string; password: string }
  | { type: "bearer"; username?: string; password?: string }
  | { type: "token"; token: string };

/** Probes memoised per registry (one context = one registry + one credential). */
export interface OciProbes {
  referrersApi: boolean | "unknown";
  /** a Range request was answered with 206 (true) or 200 (false) */
  range: boolean | "unknown";
  /** tags/list honoured `n` */
  tagPagination: boolean | "unknown";
}

/** Everything an OCI client operation needs: where the registry is and the layered fetcher to reach it. */
export interface OciContext {
  /** the registry's configured name (or host), for error messages and request-budget steps */
  readonly name: string;
  /** registry origin, e.g. `https://registry.example` (no trailing slash) */
  readonly baseUrl: string;
  /** `withAuth → withRetry → withRedirects → fetch`, already composed */
  readonly fetcher: Fetcher;
  /** bound on requests whose bodies are read into memory */
  readonly timeoutMs: number;
  readonly probes: OciProbes;
}
