// The audit log (lib/audit/types.ts).
import { z } from "zod";
import { count, page } from "./common";
import { named } from "./components";

const nullableString = z.string().nullable();

export const auditEventSchema = named(
  "AuditEvent",
  z.strictObject({
    id: z.string(),
    seq: z.number().int().nullable().describe("position in the hash chain"),
    at: z.string(),
    actorId: nullableString,
    actorName: nullableString,
    action: z.string().describe("e.g. `approval.decision`, `token.create`, `report.export`"),
    target: nullableString,
    repository: nullableString.describe("`REGISTRY/REPOSITORY`"),
    environment: nullableString,
    ip: nullableString.optional().describe("admins only"),
    userAgent: nullableString.optional().describe("admins only"),
    details: z.unknown(),
    prevHash: nullableString,
    hash: nullableString,
  }),
);
export const auditPageSchema = page(auditEventSchema);

export const chainVerificationSchema = named(
  "AuditChainVerification",
  z.strictObject({
    ok: z.boolean(),
    checked: count.describe("rows verified before the first broken one (all rows when ok)"),
    lastHash: z.string().optional().describe("hash of the last row checked: a checkpoint to write down"),
    firstBroken: z
      .strictObject({ seq: z.number().int().nullable(), id: z.string(), reason: z.enum(["hash-mismatch", "prev-mismatch", "gap"]) })
      .optional(),
  }),
);
