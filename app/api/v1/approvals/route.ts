import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { getActor } from "@/lib/data/get-actor";
import { listApprovals } from "@/lib/data/list-approvals";
import { requestPromotion } from "@/lib/data/request-promotion";
import { errorResponse } from "@/lib/http/error-response";
import { jsonHandler } from "@/lib/http/json-handler";
import { readJsonBody } from "@/lib/http/read-json-body";
import { approvalListQuery, approvalRequestBody } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** A request is a reference, an environment and a comment. */
const MAX_BODY_BYTES = 16 * 1024;

/** Approval requests the caller may read (filters: state, environment, repository; `mine=1`: waiting for me). */
export const GET = jsonHandler(approvalListQuery, (actor, q) =>
  listApprovals(actor, {
    ...(q.state ? { state: q.state } : {}),
    ...(q.environment ? { environment: q.environment } : {}),
    ...(q.repository ? { registry: q.repository.registry, repository: q.repository.repository } : {}),
    waitingForMe: q.mine === "1",
    cursor: q.cursor ?? null,
    ...(q.limit ? { limit: q.limit } : {}),
  }),
);

/** Request promotion of a version to an environment (`Idempotency-Key` header or body field makes retries safe). */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const actor = await getActor();
    const body = approvalRequestBody.parse(await readJsonBody(request, MAX_BODY_BYTES));
    const idempotencyKey = body.idempotencyKey ?? request.headers.get("idempotency-key")?.slice(0, 200) ?? null;
    const created = await requestPromotion(actor, { ...body, idempotencyKey });
    return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
