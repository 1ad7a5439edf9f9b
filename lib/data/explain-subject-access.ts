import "server-only";
import { explainAccess, type AccessExplanation } from "@/lib/access/explain-access";
import { resolveGrants } from "@/lib/access/resolve-grants";
import type { GrantRule, Principal } from "@/lib/access/types";
import { getConfig } from "@/lib/config/get-config";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/require-permission";

export type AccessSubject = { group: string } | { user: string } | { anonymous: true };

/**
 * "What can this group / user / an anonymous visitor do on registry/repository?" A user is looked up by id
 * (`local:alice`, `oidc:<sub>`; bare names mean local) and evaluated with the groups stored for them.
 */
export async function explainSubjectAccess(
  actor: Actor,
  input: { subject: AccessSubject; registry: string; repository: string },
): Promise<AccessExplanation & { subjectGroups: string[] }> {
  await requirePermission(actor, "admin.access");
  const config = await getConfig();
  const rules = (config.access ?? []) as GrantRule[];
  let principal: Principal;
  if ("anonymous" in input.subject) principal = { kind: "anonymous" };
  else if ("group" in input.subject) principal = { kind: "user", id: "(group)", groups: [input.subject.group] };
  else {
    const id = input.subject.user.includes(":") ? input.subject.user : `local:${input.subject.user}`;
    const row = await db.user.findUnique({ where: { id } });
    const configGroups = config.auth?.localUsers.find((u) => `local:${u.username}` === id)?.groups;
    const stored = Array.isArray(row?.groups) ? (row.groups as unknown[]).filter((g): g is string => typeof g === "string") : [];
    principal = { kind: "user", id, groups: configGroups ?? stored };
  }
  const grants = resolveGrants(rules, principal, config.auth?.oidc?.adminGroup);
  return {
    ...explainAccess(grants, { registry: input.registry, repository: input.repository }),
    subjectGroups: principal.kind === "user" ? [...principal.groups] : [],
  };
}
