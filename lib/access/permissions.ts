import type { PermissionDefinition } from "./types";

/**
 * The permission table: the single source for enforcement (`hasPermission`) and for the README table
 * (`npm run docs:permissions`). Adding a row here is how a new capability gets a role.
 */
export const PERMISSIONS = {
  "repository.read": {
    role: "viewer",
    reach: "repository",
    tokenable: true,
    description: "Browse registries, repositories, versions and files; diff versions; read attestations",
  },
  "report.download": {
    role: "viewer",
    reach: "repository",
    tokenable: true,
    description: "Download evidence and audit reports for a repository",
  },
  "token.manage-own": {
    role: "viewer",
    reach: "any",
    tokenable: false,
    description: "Create, list and revoke your own API tokens (never wider than your own access)",
  },
  "promotion.request": {
    role: "contributor",
    reach: "repository",
    tokenable: true,
    description: "Request promotion of a version to an environment",
  },
  "comment.write": {
    role: "contributor",
    reach: "repository",
    tokenable: true,
    description: "Comment on versions and approval requests",
  },
  "review.decide": {
    role: "reviewer",
    reach: "repository",
    tokenable: true,
    description: "Record security review decisions (pass, block) on a version",
  },
  "approval.decide": {
    role: "approver",
    reach: "repository",
    tokenable: true,
    description: "Approve or reject promotion requests for the granted repositories",
  },
  "admin.access": {
    role: "admin",
    reach: "global",
    tokenable: false,
    description: "Admin pages: grants, access explorer, users, every user's API tokens",
  },
  "token.manage-all": {
    role: "admin",
    reach: "global",
    tokenable: false,
    description: "List and revoke any user's API tokens",
  },
} as const satisfies Record<string, PermissionDefinition>;
