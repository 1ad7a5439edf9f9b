import { PERMISSIONS } from "./permissions";
import { roleRank } from "./role-rank";
import { scopeMatches } from "./scope-matches";
import type { AccessTarget, Grant, Permission, Role } from "./types";

export interface AccessExplanation {
  /** highest role that applies to the target, null when none */
  role: Role | null;
  /** grants whose scope covers the target */
  applying: Grant[];
  permissions: { permission: Permission; allowed: boolean; description: string }[];
}

/** "What can this group / user do on this repository?" for the admin page, with the grants that say so. */
export function explainAccess(grants: readonly Grant[], target: Required<AccessTarget>): AccessExplanation {
  const applying = grants.filter((g) => scopeMatches(g.scope, target));
  const best = applying.reduce<Role | null>((r, g) => (r === null || roleRank(g.role) > roleRank(r) ? g.role : r), null);
  const permissions = (Object.keys(PERMISSIONS) as Permission[]).map((permission) => {
    const def = PERMISSIONS[permission];
    const pool = def.reach === "repository" ? applying : def.reach === "global" ? grants.filter((g) => g.scope === "*") : grants;
    return {
      permission,
      allowed: pool.some((g) => roleRank(g.role) >= roleRank(def.role)),
      description: def.description,
    };
  });
  return { role: best, applying, permissions };
}
