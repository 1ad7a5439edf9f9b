import "server-only";
import { db } from "@/lib/db";
import type { SignInIdentity } from "./types";

/**
 * Creates or refreshes the User row for a successful sign-in and says whether the user may proceed. OIDC and
 * config users get their groups refreshed from what the provider presented; database accounts keep the groups
 * an admin assigned. A disabled row blocks the sign-in even if the IdP still says yes.
 */
export async function recordSignIn(identity: SignInIdentity): Promise<{ allowed: boolean }> {
  const existing = await db.user.findUnique({ where: { id: identity.id }, select: { disabled: true } });
  if (existing?.disabled) return { allowed: false };
  const now = new Date();
  const refresh = {
    name: identity.name,
    email: identity.email,
    lastSeenAt: now,
    ...(identity.provider === "local-db" ? {} : { groups: identity.groups, provider: identity.provider }),
  };
  await db.user.upsert({
    where: { id: identity.id },
    create: { id: identity.id, username: identity.username, provider: identity.provider, groups: identity.groups, ...refresh },
    update: refresh,
  });
  return { allowed: true };
}
