import { ROLES } from "./roles";
import type { Role } from "./types";

/** Position of a role in the hierarchy; a grant of rank r includes every permission needing rank ≤ r. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}
