import type { Actor } from "./dto";

/**
 * Read permission on one repository. Until role grants exist (sign-in issue) every known actor may read and
 * anonymous callers may not. Callers treat "no" exactly like "not found" so forbidden names do not leak.
 */
export function canReadRepository(actor: Actor, _registry: string, _repository: string): boolean {
  return actor.kind !== "anonymous";
}
