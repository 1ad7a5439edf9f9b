import { hasPermission } from "@/lib/access/has-permission";
import type { Actor } from "@/lib/access/actor";
import type { AccessTarget, Permission } from "@/lib/access/types";

/**
 * Whether to offer the actor a control (a button, a form, a menu link). Only hides what would be refused: the
 * route or action behind the control checks again on the server.
 */
export function actorMay(actor: Actor, permission: Permission, target?: AccessTarget): boolean {
  return !!actor.access && hasPermission(actor.access, permission, target);
}
