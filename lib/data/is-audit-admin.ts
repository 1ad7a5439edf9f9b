import { hasPermission } from "@/lib/access/has-permission";
import type { Actor } from "@/lib/access/actor";

/** `admin.access` sees every audit row and the chain check; everyone else sees rows of repositories they can read, plus their own. */
export function isAuditAdmin(actor: Actor): boolean {
  return !!actor.access && hasPermission(actor.access, "admin.access");
}
