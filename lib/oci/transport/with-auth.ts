import "server-only";
import { createHash } from "node:crypto";
import { createSingleFlight } from "@/lib/cache/single-flight";
import { AppError } from "@/lib/errors";
import { DEFAULT_TIMEOUT_MS, MAX_TOKEN_BYTES } from "@/lib/oci/limits";
import type { Fetcher } from "@/lib/oci/types";
import { cleanScopes } from "@/lib/oci/transport/clean-scopes";
import { errorFromResponse } from "@/lib/oci/transport/error-from-response";
import { parseChallenges, type AuthChallenge } from "@/lib/oci/transport/parse-challenges";
import { readCapped } from "@/lib/oci/transport/read-capped";
import { discardBody } from "@/lib/oci/transport/discard-body";
import { holdForCall } from "@/lib/oci/transport/hold-for-call";

export interface AuthOptions {
  /** used for Basic challenges and to authenticate token requests; absent = anonymous */
  credentials?: { username: string; password: string };
  /** a pre-issued bearer token sent up front; no challenge handling */
  staticToken?: string;
  /** time allowed for one token request (default DEFAULT_TIMEOUT_MS) */
  tokenTimeoutMs?: number;
  /** clock for token expiry; injectable for tests */
  now?: () => number;
  /**
   * The registry's configured origin. Credentials are only ever attached to requests for it, and a token
   * realm must be on its host or in `realmHosts`, over https unless the registry itself is http.
   * Absent (unit tests): the origin of each request.
   */
  registryUrl?: string;
  /** hosts besides the registry's own that may serve the token realm: `host` (default port) or `host:port` */
  realmHosts?: readonly string[];
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

// distribution's token spec: a token without `expires_in` is valid for 60 s.
const DEFAULT_TOKEN_TTL_S = 60;
// Refresh a little early so a token does not expire between the cache check and the registry's check.
const EXPIRY_MARGIN_MS = 5_000;

/** The scopes a registry request needs, derived from its path and method (oras-go `ScopeRepository`). */
function scopesForRequest(req: Request): string[] {
  const url = new URL(req.url);
  if (url.pathname === "/v2/_catalog") return ["registry:catalog:*"];
  const m = /^\/v2\/(.+?)\/(manifests|blobs|tags|referrers)(\/|$)/.exec(url.pathname);
  if (!m) return [];
  const name = decodeURIComponent(m[1]!);
  const read = req.method === "GET" || req.method === "HEAD";
  const scopes = [`repository:${name}:${read ? "pull" : "pull,push"}`];
  if (req.method === "DELETE") scopes.push(`repository:${name}:delete`);
  const from = url.searchParams.get("from");
  if (from) scopes.push(`repository:${from}:pull`);
  return scopes;
}

function identityOf(options: AuthOptions): string {
  // Hashed so the cache key (which may show up in a debugger or heap dump) holds no secret.
  if (options.credentials) {
    const { username, password } = options.credentials;
    return `basic:${createHash("sha256").update(`${username}\0${password}`).digest("hex")}`;
  }
  return "anonymous";
}

function pickChallenge(header: string | null): AuthChallenge | null {
  if (!header) return null;
  const all = parseChallenges(header);
  return all.find((c) => c.scheme === "bearer" && c.params.realm) ?? all.find((c) => c.scheme === "basic") ?? null;
}

function withHeader(req: Request, name: string, value: string): Request {
  const headers = new Headers(req.headers);
  headers.set(name, value);
  return new Request(req, { headers });
}

/**
 * Auth layer: answers `WWW-Authenticate` challenges (Basic with credentials; Bearer via the token flow,
 * with Basic credentials or anonymously) or sends a static bearer token up front. Tokens are cached by
 * registry + credential identity + cleaned scopes and fetched single-flight. Each call creates its own
 * cache: one instance serves one credential, and nothing is global.
 */
export function withAuth(next: Fetcher, options: AuthOptions = {}): Fetcher {
  const { credentials, staticToken } = options;
  if (staticToken !== undefined && (typeof staticToken !== "string" || staticToken === "")) {
    throw new TypeError("staticToken must be a non-empty string");
  }
  if (credentials !== undefined && (typeof credentials.username !== "string" || typeof credentials.password !== "string")) {
    throw new TypeError("credentials must have string username and password");
  }
  const now = options.now ?? Date.now;
  const tokenTimeoutMs = options.tokenTimeoutMs ?? DEFAULT_TIMEOUT_MS;
  const identity = identityOf(options);
  const basicHeader = credentials
    ? `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString("base64")}`
    : null;
  const tokens = new Map<string, CachedToken>();
  const tokenFlight = createSingleFlight<string>();
  /** last challenge seen per registry origin, so later requests authenticate up front */
  const challenges = new Map<string, AuthChallenge>();

  const registryOrigin = options.registryUrl ? new URL(options.registryUrl) : null;
  const realmHosts = new Set((options.realmHosts ?? []).map((h) => h.toLowerCase()));

  /** Where a token may be fetched (and credentials sent): README "Credentials and redirects". */
  function checkRealm(realm: URL, origin: string): void {
    const registry = registryOrigin ?? new URL(origin);
    const host = realm.host.toLowerCase();
    const allowed = host === registry.host.toLowerCase() || realmHosts.has(host) || (realm.port === "" && realmHosts.has(realm.hostname.toLowerCase()));
    if (!allowed) {
      throw new AppError("UPSTREAM", `${registry.host} named a token realm on ${realm.host}, which is neither the registry's host nor listed in its auth.realmHosts`, {
        details: { realm: `${realm.origin}${realm.pathname}` },
      });
    }
    if (realm.protocol !== "https:" && !(realm.protocol === "http:" && registry.protocol === "http:")) {
      throw new AppError("UPSTREAM", `${registry.host} named a token realm over ${realm.protocol.replace(":", "")}; only https is used for an https registry`, {
        details: { realm: `${realm.origin}${realm.pathname}` },
      });
    }
  }

  async function requestToken(challenge: AuthChallenge, scopes: string[], origin: string): Promise<CachedToken> {
    let realm: URL;
    try {
      realm = new URL(challenge.params.realm!);
    } catch {
      throw new AppError("UPSTREAM", "registry sent a Bearer challenge with an invalid realm");
    }
    if (realm.protocol !== "https:" && realm.protocol !== "http:") {
      throw new AppError("UPSTREAM", `token realm has unsupported scheme ${realm.protocol}`);
    }
    checkRealm(realm, origin);
    if (challenge.params.service) realm.searchParams.set("service", challenge.params.service);
    for (const scope of scopes) realm.searchParams.append("scope", scope);
    if (credentials) realm.searchParams.set("account", credentials.username);
    const headers = new Headers({ accept: "application/json" });
    if (basicHeader) headers.set("authorization", basicHeader);
    const deadline = AbortSignal.timeout(tokenTimeoutMs);
    const res = await holdForCall(next, new Request(realm, { method: "GET", headers, signal: deadline }), deadline);
    if (!res.ok) throw await errorFromResponse(res, "GET", "token request");
    const bytes = await readCapped(res, MAX_TOKEN_BYTES, "token response");
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;
    } catch (e) {
      throw new AppError("UPSTREAM", "token response is not JSON", { cause: e });
    }
    const token = typeof body?.token === "string" && body.token ? body.token : body?.access_token;
    if (typeof token !== "string" || token === "") throw new AppError("UPSTREAM", "token response has no token");
    const ttl = typeof body.expires_in === "number" && body.expires_in > 0 ? body.expires_in : DEFAULT_TOKEN_TTL_S;
    return { token, expiresAt: now() + ttl * 1000 - EXPIRY_MARGIN_MS };
  }

  async function bearerFor(origin: string, challenge: AuthChallenge, scopes: string[], fresh: boolean): Promise<string> {
    const key = `${origin}|${challenge.params.service ?? ""}|${identity}|${scopes.join(" ")}`;
    if (!fresh) {
      const hit = tokens.get(key);
      if (hit && hit.expiresAt > now()) return hit.token;
    }
    // `fresh` (the registry refused the cached token) gets its own key so it never joins a run with the stale one
    return tokenFlight(fresh ? `${key}|fresh` : key, async () => {
      const t = await requestToken(challenge, scopes, origin);
      tokens.set(key, t);
      return t.token;
    });
  }

  async function authorize(req: Request, origin: string, challenge: AuthChallenge, scopes: string[], fresh: boolean) {
    if (challenge.scheme === "basic") return basicHeader ? withHeader(req, "authorization", basicHeader) : req;
    const token = await bearerFor(origin, challenge, scopes, fresh);
    return withHeader(req, "authorization", `Bearer ${token}`);
  }

  return async (req) => {
    if (staticToken && registryOrigin && new URL(req.url).origin !== registryOrigin.origin) return next(req);
    if (staticToken) return holdForCall(next, withHeader(req, "authorization", `Bearer ${staticToken}`), req);
    if (req.headers.has("authorization")) return next(req);
    const origin = new URL(req.url).origin;
    // an upload Location or Link on another host gets no credentials (redirects drop them on their own)
    if (registryOrigin && origin !== registryOrigin.origin) return next(req);
    const wanted = scopesForRequest(req);
    // The body may be needed twice (first try + answer to the challenge).
    const replay = req.body !== null ? req.clone() : req;
    const known = challenges.get(origin);
    const first = known ? await authorize(req, origin, known, cleanScopes(wanted), false) : req;
    const res = await holdForCall(next, first, req);
    if (res.status !== 401) return res;
    const challenge = pickChallenge(res.headers.get("www-authenticate"));
    if (!challenge || (challenge.scheme === "basic" && (!basicHeader || known?.scheme === "basic"))) return res;
    challenges.set(origin, challenge);
    const scopes = cleanScopes([...wanted, ...(challenge.params.scope ? [challenge.params.scope] : [])]);
    discardBody(res);
    // A cached token the registry just refused is stale (revoked, clock skew): ask for a new one.
    return holdForCall(next, await authorize(replay, origin, challenge, scopes, known?.scheme === "bearer"), replay, req);
  };
}
