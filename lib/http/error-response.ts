import "server-only";
import { toPublicError } from "./to-public-error";

/** `{ error: { code, message, issues? } }` with the error's status: the API's only error shape. */
export function errorResponse(error: unknown): Response {
  const { status, code, message, issues } = toPublicError(error);
  return Response.json({ error: issues ? { code, message, issues } : { code, message } }, {
    status,
    headers: { "Cache-Control": "no-store" },
  });
}
