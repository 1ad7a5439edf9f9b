import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { getActor } from "@/lib/data/get-actor";
import { decideApproval } from "@/lib/data/decide-approval";
import { errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { approvalIdParams, approvalDecisionBody } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** A decision is a word and a comment. */
const MAX_BODY_BYTES = 16 * 1024;

/** Approve or reject (one decision per approver; self-approval refused). */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const actor = await getActor();
    const { id } = approvalIdParams.parse(await context.params);
    const updated = await decideApproval(actor, { id, ...approvalDecisionBody.parse(await readJsonBody(request, MAX_BODY_BYTES)) });
    return Response.json(updated, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
