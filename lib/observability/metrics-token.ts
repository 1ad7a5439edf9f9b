import { createHash, timingSafeEqual } from "node:crypto";

/**
 * Whether an `Authorization` header carries the configured metrics token (`Bearer <token>`). Compared as hashes in
 * constant time, so neither the token's length nor its prefix leaks through timing.
 */
export function hasMetricsToken(header: string | null, token: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match) return false;
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(match[1]!), digest(token));
}
