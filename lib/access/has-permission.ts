import { PERMISSIONS } from "./permissions";
import { roleRank } from "./role-rank";
import { scopeMatches } from "./scope-matches";
import type { AccessTarget, ActorAccess, Permission } from "./types";

/**
 * The one authorisation decision. `target` is required for repository permissions and ignored otherwise.
 * A token narrows its owner's grants: it needs the permission listed and a scope covering the target, and
 * never carries `any`/`global` permissions (a leaked CI token cannot mint tokens or reach admin pages).
 */
export function hasPermission(access: ActorAccess, permission: Permission, target?: AccessTarget): boolean {
  const def = PERMISSIONS[permission];
  if (def.reach === "repository" && !target) throw new TypeError(`${permission} needs a target repository`);
  const limits = access.tokenLimits;
  if (limits) {
    if (!def.tokenable || !limits.permissions.includes(permission)) return false;
    if (target && !limits.scopes.some((s) => scopeMatches(s, target))) return false;
  }
  const needed = roleRank(def.role);
  return access.grants.some((g) => {
    if (roleRank(g.role) < needed) return false;
    if (def.reach === "global") return g.scope === "*";
    if (def.reach === "any") return true;
    return scopeMatches(g.scope, target!);
  });
}
