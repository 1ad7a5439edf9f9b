import "server-only";

/** Userinfo is a small JSON document; anything bigger is hostile or broken. */
const MAX_USERINFO_BYTES = 256 * 1024;
/** Sign-in waits on this call; a stuck IdP should fail the sign-in, not hang it. */
const USERINFO_TIMEOUT_MS = 10_000;

const endpoints = new Map<string, string>();

/**
 * Claims from the IdP's userinfo endpoint (found through discovery, memoised per issuer). Used only when the
 * groups claim is missing from the id_token — GitLab, for one, puts `groups` only in userinfo.
 */
export async function fetchUserinfoClaims(issuer: string, accessToken: string): Promise<Record<string, unknown>> {
  let endpoint = endpoints.get(issuer);
  if (!endpoint) {
    const discovery = await getJson(`${issuer.replace(/\/+$/, "")}/.well-known/openid-configuration`);
    if (typeof discovery.userinfo_endpoint !== "string") throw new Error("IdP discovery has no userinfo_endpoint");
    endpoint = discovery.userinfo_endpoint;
    endpoints.set(issuer, endpoint);
  }
  return getJson(endpoint, { Authorization: `Bearer ${accessToken}` });
}

async function getJson(url: string, headers: Record<string, string> = {}): Promise<Record<string, unknown>> {
  const res = await fetch(url, { headers: { Accept: "application/json", ...headers }, redirect: "error", signal: AbortSignal.timeout(USERINFO_TIMEOUT_MS) });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const text = await res.text();
  if (text.length > MAX_USERINFO_BYTES) throw new Error(`${url}: response too large`);
  const value: unknown = JSON.parse(text);
  if (value === null || typeof value !== "object" || Array.isArray(value)) throw new Error(`${url}: not a JSON object`);
  return value as Record<string, unknown>;
}
