import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { getActor } from "@/lib/data/get-actor";
import { revokeApproval } from "@/lib/data/revoke-approval";
import { errorResponse } from "@/lib/http/error-response";
import { readJsonBody } from "@/lib/http/read-json-body";
import { approvalIdParams, approvalRevokeBody } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** A decision is a word and a comment. */
const MAX_BODY_BYTES = 16 * 1024;

/** Withdraw an approval; a promoted tag moves back to the previous digest. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const actor = await getActor();
    const { id } = approvalIdParams.parse(await context.params);
    const updated = await revokeApproval(actor, { id, ...approvalRevokeBody.parse(await readJsonBody(request, MAX_BODY_BYTES)) });
    return Response.json(updated, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
