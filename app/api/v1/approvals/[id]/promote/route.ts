import { endpoints } from "@/lib/api/endpoints";
import { promoteApproval } from "@/lib/data/promote-approval";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute(endpoints.retryPromotion, ({ actor, params }) => promoteApproval(actor, params));
