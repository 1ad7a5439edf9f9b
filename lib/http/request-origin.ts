import { CLIENT_ADDRESS_HEADER } from "@/lib/auth/client-address";

/** A User-Agent is whatever the client says; keep enough to recognise a browser or CI tool, not a payload. */
const MAX_USER_AGENT_CHARS = 256;

/**
 * Where a request came from, for audit rows and throttling: the address Kitgate's HTTP layer took from the socket
 * (or from X-Forwarded-For through `trustedProxies` only, lib/startup/stamp-client-address.ts) and the capped
 * User-Agent. Client-written X-Forwarded-For / X-Real-IP are never believed (red-team finding 7).
 */
export function requestOrigin(headers: { get(name: string): string | null }): { ip: string | null; userAgent: string | null } {
  return { ip: headers.get(CLIENT_ADDRESS_HEADER) || null, userAgent: headers.get("user-agent")?.slice(0, MAX_USER_AGENT_CHARS) ?? null };
}
