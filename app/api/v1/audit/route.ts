import { endpoints } from "@/lib/api/endpoints";
import { listAuditEvents } from "@/lib/data/list-audit-events";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listAuditEvents, ({ actor, query }) => listAuditEvents(actor, query));
