import { hasPermission } from "@/lib/access/has-permission";
import type { Actor } from "@/lib/access/actor";

/**
 * Read permission on one repository, from the actor's grants (lib/access). `repository === ""` asks whether the
 * actor may see anything in the registry at all (list-repositories uses it to decide the registry is visible).
 * Callers treat "no" exactly like "not found" so forbidden names do not leak.
 */
export function canReadRepository(actor: Actor, registry: string, repository: string): boolean {
  if (!actor.access) return false;
  return hasPermission(actor.access, "repository.read", { registry, ...(repository ? { repository } : {}) });
}
