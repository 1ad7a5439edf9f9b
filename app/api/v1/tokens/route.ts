import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import { getActor } from "@/lib/data/get-actor";
import { AppError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { createApiToken } from "@/lib/tokens/create-api-token";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";

export const dynamic = "force-dynamic";

/** Body cap: a token request is a name, a few globs and permissions. */
const MAX_BODY_BYTES = 16 * 1024;

/** Your API tokens (`?all=1`: everyone's, admins only). */
export async function GET(request: Request): Promise<Response> {
  try {
    const all = new URL(request.url).searchParams.get("all") === "1";
    const items = await listApiTokens(await getActor(), { all });
    return Response.json({ items }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** Create a token; the secret is in the response once and never again. */
export async function POST(request: Request): Promise<Response> {
  try {
    assertSameOrigin(request);
    const actor = await getActor();
    const text = await request.text();
    if (text.length > MAX_BODY_BYTES) throw new AppError("TOO_LARGE", "Body too large");
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
    const created = await createApiToken(actor, body);
    return Response.json(created, { status: 201, headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
