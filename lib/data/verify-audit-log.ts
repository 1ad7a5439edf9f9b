import "server-only";
import { runAuditVerification } from "@/lib/audit/run-audit-verification";
import type { ChainVerification } from "@/lib/audit/types";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Actor } from "@/lib/access/actor";

/**
 * The chain check behind `GET /api/v1/audit/verify` and the audit page banner; admins only. Incremental by default
 * (the newest signed checkpoint and the rows after it); `full` recomputes every row and is what the background
 * verification and `npm run audit:verify -- --full` run.
 */
export async function verifyAuditLog(actor: Actor, opts: { mode?: "full" | "incremental" } = {}): Promise<ChainVerification> {
  await requirePermission(actor, "admin.access");
  return runAuditVerification({ mode: opts.mode ?? "incremental" });
}
