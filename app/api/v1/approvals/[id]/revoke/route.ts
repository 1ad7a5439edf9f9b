import { endpoints } from "@/lib/api/endpoints";
import { revokeApproval } from "@/lib/data/revoke-approval";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const POST = defineRoute(endpoints.revokeApproval, ({ actor, params, body }) => revokeApproval(actor, { id: params.id, ...body }));
