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

const breakReason = z
  .enum(["hash-mismatch", "prev-mismatch", "gap", "mac-mismatch", "truncated", "rewritten", "unsealed"])
  .describe("`truncated`/`rewritten`: compared with a signed checkpoint; `mac-mismatch`: edited without Kitgate's key; `unsealed`: inserted outside Kitgate");
const seq = z.number().int().nullable();

export const auditCheckpointSchema = named(
  "AuditCheckpoint",
  z.strictObject({
    seq: z.number().int().describe("rows 1…seq are sealed by it"),
    hash: z.string().describe("hash of row `seq`"),
    time: z.string().describe("when it was signed"),
    digest: z.string().describe("sha256 of the DSSE envelope"),
    sources: z.array(z.string()).describe("where a valid copy was found: `database`, `file`, `registry`"),
    envelope: z.string().describe("the signed DSSE envelope (verify it with Kitgate's public key)"),
  }),
);

export const chainVerificationSchema = named(
  "AuditChainVerification",
  z.strictObject({
    ok: z.boolean(),
    mode: z.enum(["full", "incremental"]).optional().describe("`incremental`: the newest signed checkpoint and the rows after it"),
    checked: count.describe("rows recomputed"),
    unchecked: count.optional().describe("rows this bounded (incremental) verification did not re-hash; the full verification covers them"),
    lastHash: z.string().optional().describe("hash of the head when intact"),
    head: z.strictObject({ seq: z.number().int(), hash: z.string() }).nullable().optional(),
    firstBroken: z.strictObject({ seq, id: z.string().optional(), reason: breakReason }).optional(),
    findings: z
      .array(z.strictObject({ reason: breakReason, seq, toSeq: z.number().int().optional(), id: z.string().optional(), message: z.string() }))
      .optional()
      .describe("every problem found, by sequence number"),
    checkpoint: auditCheckpointSchema.nullable().optional(),
    warnings: z.array(z.string()).optional(),
    lastFull: z
      .strictObject({
        at: z.string(),
        ok: z.boolean(),
        checked: count,
        firstBroken: z.strictObject({ seq, reason: breakReason }).nullable().optional(),
      })
      .nullable()
      .optional()
      .describe("the last full verification recorded in the chain"),
    durationMs: count.optional(),
  }),
);
