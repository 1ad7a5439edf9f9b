import { endpoints } from "@/lib/api/endpoints";
import { decideApproval } from "@/lib/data/decide-approval";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute(endpoints.decideApproval, ({ actor, params, body }) => decideApproval(actor, { id: params.id, ...body }));
