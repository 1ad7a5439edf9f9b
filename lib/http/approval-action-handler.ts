import "server-only";
import type { z } from "zod";
import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import type { Actor } from "@/lib/data/dto";
import { getActor } from "@/lib/data/get-actor";
import { approvalIdParams } from "@/lib/validations/approvals";
import { errorResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";

/** An approval action's body is a word and a comment. */
const MAX_BODY_BYTES = 16 * 1024;

/**
 * The shape every `POST /api/v1/approvals/{id}/…` action shares: same-origin check (CSRF for cookie sessions),
 * actor, id and body validated, one data-layer call that does the authorisation, JSON out, errors mapped.
 */
export function approvalActionHandler<S extends z.ZodType>(
  bodySchema: S | null,
  run: (actor: Actor, id: string, body: z.infer<S>) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const actor = await getActor();
      const { id } = approvalIdParams.parse(await context.params);
      const body = bodySchema ? bodySchema.parse(await readJsonBody(request, MAX_BODY_BYTES)) : undefined;
      const updated = await run(actor, id, body as z.infer<S>);
      return Response.json(updated, { headers: { "Cache-Control": "no-store" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
