import { getActor } from "@/lib/data/get-actor";
import { getApproval } from "@/lib/data/get-approval";
import { errorResponse } from "@/lib/http/error-response";
import { approvalIdParams } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** One approval request with its decisions and promotions. */
export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const { id } = approvalIdParams.parse(await context.params);
    return Response.json(await getApproval(await getActor(), { id }), { headers: { "Cache-Control": "private, no-cache" } });
  } catch (error) {
    return errorResponse(error);
  }
}
