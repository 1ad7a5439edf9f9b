/** Revocation wins over expiry so the list says what an admin did, not what time did. */
export function tokenStatus(t: { expiresAt: Date; revokedAt: Date | null }, now: Date): "active" | "expired" | "revoked" {
  if (t.revokedAt) return "revoked";
  return t.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}
