import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { cache } from "react";
import { resolveGrants } from "@/lib/access/resolve-grants";
import type { GrantRule, Permission, Principal } from "@/lib/access/types";
import { requestOrigin } from "@/lib/http/request-origin";
import { getAuthOptions } from "@/lib/auth/get-auth-options";
import { getConfig } from "@/lib/config/get-config";
import type { KitgateConfig } from "@/lib/config/types";
import { db } from "@/lib/db";
import { authenticateToken } from "@/lib/tokens/authenticate-token";
import type { Actor } from "@/lib/access/actor";

const BEARER = /^Bearer\s+(\S+)$/i;

/**
 * Who is asking, resolved once per request (React `cache`): a bearer API token, else the next-auth session,
 * else anonymous. The User row is read on every request, so disabling a user (or removing a config account)
 * takes effect at their next request even though their session JWT is still valid. A bad bearer token throws
 * UNAUTHENTICATED rather than silently falling back to anonymous, so CI sees why it failed.
 */
export const getActor = cache(async (): Promise<Actor> => {
  const [config, h] = await Promise.all([getConfig(), headers()]);
  const rules = (config.access ?? []) as GrantRule[];
  const adminGroup = config.auth?.oidc?.adminGroup;

  const bearer = BEARER.exec(h.get("authorization") ?? "")?.[1];
  if (bearer) {
    const token = await authenticateToken(bearer, requestOrigin(h));
    const groups = currentGroups(config, token.user);
    if (groups === null) return anonymous(rules);
    return {
      id: token.user.id,
      name: `${token.user.name} (token ${token.name})`,
      kind: "token",
      groups,
      access: {
        grants: resolveGrants(rules, { kind: "user", id: token.user.id, groups }, adminGroup),
        tokenLimits: { scopes: token.scopes, permissions: token.permissions as Permission[] },
      },
    };
  }

  const session = await getServerSession(await getAuthOptions());
  const userId = session?.user?.id;
  if (!userId) return anonymous(rules);
  const user = await db.user.findUnique({ where: { id: userId } });
  // a cookie from before the user's last sign-out is dead even though its JWT is still valid (red-team finding 10)
  if (!user || user.disabled || (session.user.sessionVersion ?? 0) !== user.sessionVersion) return anonymous(rules);
  const groups = currentGroups(config, user);
  if (groups === null) return anonymous(rules);
  const principal: Principal = { kind: "user", id: user.id, groups };
  return { id: user.id, name: user.name, kind: "user", groups, access: { grants: resolveGrants(rules, principal, adminGroup) } };
});

/** Config accounts follow kitgate.yaml live (removed or disabled there → no access); others keep their stored groups. */
function currentGroups(
  config: KitgateConfig,
  user: { provider: string; username: string; groups: unknown; disabled: boolean },
): string[] | null {
  if (user.disabled) return null;
  if (user.provider === "local-config") {
    const entry = config.auth?.localUsers.find((u) => u.username === user.username);
    return entry && !entry.disabled ? entry.groups : null;
  }
  return Array.isArray(user.groups) ? user.groups.filter((g): g is string => typeof g === "string") : [];
}

function anonymous(rules: GrantRule[]): Actor {
  return { id: "anonymous", name: "Anonymous", kind: "anonymous", groups: [], access: { grants: resolveGrants(rules, { kind: "anonymous" }) } };
}
