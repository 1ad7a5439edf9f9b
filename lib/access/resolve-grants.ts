import type { Grant, GrantRule, Principal } from "./types";

/**
 * The grants that apply to a principal: every rule naming one of its groups, its user id (`local:alice`,
 * `oidc:<sub>`; a bare `alice` means `local:alice`) or, for anonymous callers, the anonymous rules; plus admin
 * on `*` for members of the admin group. Several grants simply accumulate: decisions take the best one.
 */
export function resolveGrants(rules: readonly GrantRule[], principal: Principal, adminGroup?: string): Grant[] {
  const grants: Grant[] = [];
  if (principal.kind === "anonymous") {
    for (const r of rules) if ("anonymous" in r) grants.push({ role: r.role, scope: r.scope, via: "anonymous access" });
    return grants;
  }
  const groups = new Set(principal.groups);
  if (adminGroup && groups.has(adminGroup)) grants.push({ role: "admin", scope: "*", via: `admin group ${adminGroup}` });
  for (const r of rules) {
    if ("group" in r && groups.has(r.group)) grants.push({ role: r.role, scope: r.scope, via: `group ${r.group}` });
    if ("user" in r && normaliseUserId(r.user) === principal.id) {
      grants.push({ role: r.role, scope: r.scope, via: `user ${r.user}` });
    }
  }
  return grants;
}

function normaliseUserId(user: string): string {
  return user.includes(":") ? user : `local:${user}`;
}
