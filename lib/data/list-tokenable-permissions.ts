import { PERMISSIONS } from "@/lib/access/permissions";
import type { Permission } from "@/lib/access/types";

/** The permissions a new API token may carry (the token form's choices); the rest stay with signed-in users. */
export function listTokenablePermissions(): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((p) => PERMISSIONS[p].tokenable);
}
