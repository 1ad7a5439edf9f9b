import "server-only";
import type { GrantRule } from "@/lib/access/types";
import { getConfig } from "@/lib/config/get-config";
import type { Actor } from "@/lib/access/actor";
import { db } from "@/lib/db";
import { requirePermission } from "@/lib/auth/require-permission";

/** Enough rows for an admin overview; larger installs search instead of scrolling. */
const MAX_USERS_LISTED = 1000;

export interface AccessOverviewDTO {
  rules: (GrantRule & { unknownGroup: boolean })[];
  adminGroup: string | null;
  /** groups named in grants that no user has ever presented at sign-in: likely typos */
  unknownGroups: string[];
  users: { id: string; name: string; provider: string; groups: string[]; disabled: boolean; lastSeenAt: string | null }[];
}

/** The admin page's view of access: every grant, users seen, and grants naming never-seen groups. */
export async function getAccessOverview(actor: Actor): Promise<AccessOverviewDTO> {
  await requirePermission(actor, "admin.access");
  const config = await getConfig();
  const rules = (config.access ?? []) as GrantRule[];
  const rows = await db.user.findMany({ orderBy: { id: "asc" }, take: MAX_USERS_LISTED });
  const users = rows.map((u) => ({
    id: u.id,
    name: u.name,
    provider: u.provider,
    groups: Array.isArray(u.groups) ? u.groups.filter((g): g is string => typeof g === "string") : [],
    disabled: u.disabled,
    lastSeenAt: u.lastSeenAt?.toISOString() ?? null,
  }));
  const seen = new Set(users.flatMap((u) => u.groups));
  for (const u of config.auth?.localUsers ?? []) for (const g of u.groups) seen.add(g);
  const unknown = new Set(rules.flatMap((r) => ("group" in r && !seen.has(r.group) ? [r.group] : [])));
  return {
    rules: rules.map((r) => ({ ...r, unknownGroup: "group" in r && unknown.has(r.group) })),
    adminGroup: config.auth?.oidc?.adminGroup ?? null,
    unknownGroups: [...unknown].sort(),
    users,
  };
}
