import type { KitgateConfig } from "@/lib/config/types";
import { AppError } from "@/lib/errors";
import type { EnvironmentRules } from "./types";

export interface ResolvedEnvironment extends EnvironmentRules {
  after?: string;
  promotion: { tag: string; repository?: string };
  onRevoke: "previous" | "remove";
}

/** The configured environment with every workflow default filled in; unknown names are NOT_FOUND. */
export function getEnvironmentRules(config: Pick<KitgateConfig, "environments">, name: string): ResolvedEnvironment {
  const env = (config.environments ?? []).find((e) => e.name === name);
  if (!env) {
    const known = (config.environments ?? []).map((e) => e.name).join(", ") || "none";
    throw new AppError("NOT_FOUND", `unknown environment "${name}" (configured: ${known})`);
  }
  return {
    name: env.name,
    ...(env.after ? { after: env.after } : {}),
    approvals: env.approvals ?? 1,
    approverGroups: env.approverGroups ?? [],
    distinctApprover: env.distinctApprover ?? true,
    waitMinutes: env.waitMinutes ?? 0,
    promotion: env.promotion ?? { tag: "{name}" },
    onRevoke: env.onRevoke ?? "previous",
  };
}
