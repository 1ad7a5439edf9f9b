/** Roles from least to most privileged; each role includes every permission of the roles before it. */
export const ROLES = ["viewer", "contributor", "reviewer", "approver", "admin"] as const;
