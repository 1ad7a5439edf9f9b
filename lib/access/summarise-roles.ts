import { roleRank } from "./role-rank";
import type { Grant, Role } from "./types";

/** Effective role per scope for the user menu: several grants on one scope merge into the highest. */
export function summariseRoles(grants: readonly Grant[]): { scope: string; role: Role }[] {
  const best = new Map<string, Role>();
  for (const g of grants) {
    const current = best.get(g.scope);
    if (!current || roleRank(g.role) > roleRank(current)) best.set(g.scope, g.role);
  }
  return [...best].map(([scope, role]) => ({ scope, role })).sort((a, b) => a.scope.localeCompare(b.scope));
}
