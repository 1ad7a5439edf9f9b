/** Where a request came from, for audit rows: first `X-Forwarded-For` hop (set by the reverse proxy) and UA. */
export function requestOrigin(headers: { get(name: string): string | null }): { ip: string | null; userAgent: string | null } {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return { ip: forwarded || headers.get("x-real-ip") || null, userAgent: headers.get("user-agent") };
}
