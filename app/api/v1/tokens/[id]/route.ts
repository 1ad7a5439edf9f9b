import { z } from "zod";
import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { getActor } from "@/lib/data/get-actor";
import { errorResponse } from "@/lib/http/error-response";
import { revokeApiToken } from "@/lib/tokens/revoke-api-token";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().regex(/^[a-z0-9]{1,64}$/) });

/** Revoke a token (yours, or anyone's for admins). */
export async function DELETE(request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    assertSameOrigin(request);
    const actor = await getActor();
    const { id } = params.parse(await context.params);
    await revokeApiToken(actor, id);
    return new Response(null, { status: 204 });
  } catch (error) {
    return errorResponse(error);
  }
}
