import { roleRank } from "@/lib/access/role-rank";
import { scopeMatches } from "@/lib/access/scope-matches";
import type { Role } from "@/lib/access/types";
import type { Actor } from "@/lib/access/actor";

/** The actor's highest role on one repository (the state machine's `role`); null when they have none. */
export function actorRole(actor: Actor, registry: string, repository: string): Role | null {
  let best: Role | null = null;
  for (const g of actor.access?.grants ?? []) {
    if (!scopeMatches(g.scope, { registry, repository })) continue;
    if (best === null || roleRank(g.role) > roleRank(best)) best = g.role;
  }
  return best;
}
