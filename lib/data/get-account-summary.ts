import { summariseRoles } from "@/lib/access/summarise-roles";
import type { Actor } from "@/lib/access/actor";
import type { AccountSummaryDTO } from "./dto";
import { actorMay } from "./actor-may";

/** What the header's user menu shows about the signed-in actor; `null` for anonymous visitors. */
export function getAccountSummary(actor: Actor): AccountSummaryDTO | null {
  if (actor.kind === "anonymous") return null;
  return {
    id: actor.id,
    name: actor.name,
    groups: actor.groups,
    roles: summariseRoles(actor.access?.grants ?? []),
    isAdmin: actorMay(actor, "admin.access"),
  };
}
