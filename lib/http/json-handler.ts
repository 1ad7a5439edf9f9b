import "server-only";
import type { z } from "zod";
import { getActor } from "@/lib/data/get-actor";
import type { Actor } from "@/lib/data/dto";
import { errorResponse } from "./error-response";

/**
 * A thin GET route: query string → zod → one data-layer call → JSON. Keeps every route handler three
 * lines long so that validation and error mapping cannot be forgotten in one of them.
 */
export function jsonHandler<S extends z.ZodType, R>(
  schema: S,
  run: (actor: Actor, query: z.infer<S>) => Promise<R>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    try {
      const url = new URL(request.url);
      const raw: Record<string, string> = {};
      for (const [key, value] of url.searchParams) if (!(key in raw)) raw[key] = value;
      const query = schema.parse(raw);
      const actor = await getActor();
      return Response.json(await run(actor, query), { headers: { "Cache-Control": "private, no-cache" } });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
