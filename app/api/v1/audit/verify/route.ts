import { endpoints } from "@/lib/api/endpoints";
import { verifyAuditLog } from "@/lib/data/verify-audit-log";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.verifyAuditChain, ({ actor, query }) => verifyAuditLog(actor, query.mode ? { mode: query.mode } : {}));
