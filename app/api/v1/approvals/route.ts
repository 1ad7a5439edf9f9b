import { endpoints } from "@/lib/api/endpoints";
import { listApprovals } from "@/lib/data/list-approvals";
import { requestPromotion } from "@/lib/data/request-promotion";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listApprovals, ({ actor, query: q }) =>
  listApprovals(actor, {
    ...(q.state ? { state: q.state } : {}),
    ...(q.environment ? { environment: q.environment } : {}),
    ...(q.repository ? { registry: q.repository.registry, repository: q.repository.repository } : {}),
    waitingForMe: q.mine === "1",
    cursor: q.cursor ?? null,
    ...(q.limit ? { limit: q.limit } : {}),
  }),
);

export const POST = defineRoute(endpoints.requestPromotion, ({ actor, body, request }) => {
  const idempotencyKey = body.idempotencyKey ?? request.headers.get("idempotency-key")?.slice(0, 200) ?? null;
  return requestPromotion(actor, { ...body, idempotencyKey });
});
