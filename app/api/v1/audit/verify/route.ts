import { z } from "zod";
import { verifyAuditLog } from "@/lib/data/verify-audit-log";
import { jsonHandler } from "@/lib/http/json-handler";

export const dynamic = "force-dynamic";

/** `GET /api/v1/audit/verify`: recomputes the hash chain; names the first broken row. */
export const GET = jsonHandler(z.object({}), (actor) => verifyAuditLog(actor));
