import { endpoints } from "@/lib/api/endpoints";
import { getApproval } from "@/lib/data/get-approval";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.getApproval, ({ actor, params }) => getApproval(actor, params));
