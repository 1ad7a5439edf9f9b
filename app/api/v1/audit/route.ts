import { listAuditEvents } from "@/lib/data/list-audit-events";
import { jsonHandler } from "@/lib/http/json-handler";
import { auditQuery } from "@/lib/validations/audit-query";

export const dynamic = "force-dynamic";

/** `GET /api/v1/audit?who=&action=&from=&to=&repository=&environment=&cursor=&limit=`: audit rows, newest first. */
export const GET = jsonHandler(auditQuery, (actor, q) => listAuditEvents(actor, q));
