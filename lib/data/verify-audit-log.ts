import "server-only";
import { verifyStoredAuditChain } from "@/lib/audit/verify-stored-audit-chain";
import type { ChainVerification } from "@/lib/audit/types";
import { requirePermission } from "@/lib/auth/require-permission";
import type { Actor } from "./dto";

/** The chain check behind `GET /api/v1/audit/verify` and the audit page banner; admins only (it reads every row). */
export async function verifyAuditLog(actor: Actor): Promise<ChainVerification> {
  await requirePermission(actor, "admin.access");
  return verifyStoredAuditChain();
}
