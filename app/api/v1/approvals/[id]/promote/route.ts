import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { getActor } from "@/lib/data/get-actor";
import { promoteApproval } from "@/lib/data/promote-approval";
import { errorResponse } from "@/lib/http/error-response";
import { approvalIdParams } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** Retry the registry promotion of an approved request whose retag failed. */
export async function POST(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const actor = await getActor();
    const { id } = approvalIdParams.parse(await context.params);
    const updated = await promoteApproval(actor, { id });
    return Response.json(updated, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
