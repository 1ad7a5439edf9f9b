// Browser side of the /api/v1 contract. Responses and bodies are typed by the same zod schemas the server validates
// with (lib/api/endpoints), imported as types only, so no schema code reaches the browser bundle.
import type { z } from "zod";
import type { ResponseOf } from "./endpoint";
import type { Endpoints, OperationId } from "./endpoints";
import { ApiError } from "./api-error";

/** The JSON a successful call of operation K returns. */
export type ApiResponse<K extends OperationId> = ResponseOf<Endpoints[K]>;
/** The JSON body operation K accepts. */
export type ApiBody<K extends OperationId> = Endpoints[K] extends { body: { schema: infer S extends z.ZodType } } ? z.input<S> : never;

/** GET against /api/v1 (`fetchJson<"diffFile">(url)`): the API's error body becomes an ApiError with a readable message. */
export async function fetchJson<K extends OperationId>(url: string, signal?: AbortSignal): Promise<ApiResponse<K>> {
  return parse<K>(await fetch(url, { signal, headers: { Accept: "application/json" } }));
}

/** A mutation (same origin, session cookie) with operation K's body. A 204 resolves to undefined. */
export async function sendJson<K extends OperationId>(method: Endpoints[K]["method"], url: string, body?: ApiBody<K>): Promise<ApiResponse<K>> {
  const init: RequestInit = { method, headers: { Accept: "application/json" } };
  if (body !== undefined) init.headers = { ...init.headers, "Content-Type": "application/json" };
  if (body !== undefined) init.body = JSON.stringify(body);
  return parse<K>(await fetch(url, init));
}

async function parse<K extends OperationId>(res: Response): Promise<ApiResponse<K>> {
  if (res.ok) return (res.status === 204 ? undefined : await res.json()) as ApiResponse<K>;
  let code = "INTERNAL";
  let message = `Request failed (${res.status})`;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code ?? code;
    message = body.error?.message ?? message;
  } catch {
    // a proxy's HTML error page: keep the generic message
  }
  throw new ApiError(res.status, code, message);
}
