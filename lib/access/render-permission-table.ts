import { PERMISSIONS } from "./permissions";
import { ROLES } from "./roles";
import { roleRank } from "./role-rank";
import type { Permission } from "./types";

const REACH_NOTE = { repository: "per scope", any: "any scope", global: "scope `*`" } as const;

/** The README's permission table, rendered from the same table `hasPermission` enforces. */
export function renderPermissionTable(): string {
  const header = `| permission | what it allows | where | ${ROLES.join(" | ")} | API token |`;
  const rule = `|---|---|---|${ROLES.map(() => ":-:").join("|")}|:-:|`;
  const rows = (Object.keys(PERMISSIONS) as Permission[]).map((p) => {
    const def = PERMISSIONS[p];
    const cells = ROLES.map((r) => (roleRank(r) >= roleRank(def.role) ? "✓" : ""));
    return `| \`${p}\` | ${def.description} | ${REACH_NOTE[def.reach]} | ${cells.join(" | ")} | ${def.tokenable ? "✓" : ""} |`;
  });
  return [header, rule, ...rows].join("\n");
}
