import type { PERMISSIONS } from "./permissions";
import type { ROLES } from "./roles";

export type Role = (typeof ROLES)[number];
export type Permission = keyof typeof PERMISSIONS;

/**
 * Where a permission applies: `repository` on the target repository's scope, `any` on some scope (a signed-in
 * user with at least that role anywhere), `global` only through a grant on the scope `*`.
 */
export type PermissionReach = "repository" | "any" | "global";

export interface PermissionDefinition {
  role: Role;
  reach: PermissionReach;
  /** may be given to an API token */
  tokenable: boolean;
  description: string;
}

/** One `access:` entry of kitgate.yaml. */
export type GrantRule =
  | { group: string; role: Role; scope: string }
  | { user: string; role: Role; scope: string }
  | { anonymous: true; role: "viewer"; scope: string };

/** A grant that applies to one principal, with the reason it applies (shown on the admin page). */
export interface Grant {
  role: Role;
  /** `registry/repository-glob`, or `*` for everything */
  scope: string;
  via: string;
}

/** Who a grant rule is evaluated for. `id` is `local:<username>` or `oidc:<sub>`. */
export type Principal = { kind: "anonymous" } | { kind: "user"; id: string; groups: readonly string[] };

/** What an API token narrows its owner's access to. */
export interface TokenLimits {
  /** scope globs, same grammar as grants */
  scopes: string[];
  permissions: Permission[];
}

/** Everything an authorisation decision needs, resolved once per request. */
export interface ActorAccess {
  grants: Grant[];
  tokenLimits?: TokenLimits;
}

/** A repository, or a whole registry when `repository` is absent ("may this actor see anything here?"). */
export interface AccessTarget {
  registry: string;
  repository?: string;
}
