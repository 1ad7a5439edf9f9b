import "server-only";
import type { z } from "zod";
import type { BodyOf, EndpointDefinition, ParamsOf, QueryOf } from "@/lib/api/endpoint";
import { assertSameOrigin } from "@/lib/auth/assert-same-origin";
import type { Actor } from "@/lib/access/actor";
import { getActor } from "@/lib/data/get-actor";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { checkResponse } from "./check-response";
import { errorResponse } from "./error-response";
import { readJsonBody } from "./read-json-body";
import { withConfiguredBudget, withRequestBudget } from "./request-budget";

export interface RouteInput<E extends EndpointDefinition> {
  /** who is asking; null only for `access: "public"` operations, which never resolve a caller */
  actor: E["access"] extends "public" ? null : Actor;
  query: QueryOf<E>;
  params: ParamsOf<E>;
  body: BodyOf<E>;
  /** for headers the endpoint documents (e.g. Idempotency-Key) and the caller's network origin */
  request: Request;
}

/** A download: the bytes, their type, and the file name offered to the browser. */
export interface DownloadFile {
  body: Uint8Array | string;
  contentType: string;
  filename: string;
}

/** What a handler returns: the JSON value its response schema describes, a file, or nothing (204). */
export type RouteResult<E extends EndpointDefinition> = E["response"] extends { kind: "json"; schema: infer S extends z.ZodType }
  ? z.input<S>
  : E["response"] extends { kind: "download" }
    ? DownloadFile
    : void;

/** The Next.js route handler, carrying its endpoint so tests and tools can find the contract it serves. */
export type RouteHandler<E extends EndpointDefinition> = ((request: Request, context: { params: Promise<unknown> }) => Promise<Response>) & {
  readonly endpoint: E;
};

/**
 * Binds an /api/v1 endpoint (lib/api/endpoints) to its data-layer call. Every route gets the same steps in the same
 * order, so none can be forgotten in one of them:
 * same-origin check for mutations (CSRF; bearer-token calls are exempt) → caller (a bad token, or an anonymous
 * caller where the endpoint documents `signIn`, is 401 before any input is looked at) → path params → query → JSON body (capped before parsing) → handler → response with the
 * endpoint's status and cache policy → any error mapped to `{ error: { code, message } }` (lib/http/to-public-error).
 * Authorisation stays in the handler's lib/data call: the endpoint's `access` only documents it.
 *
 * With KITGATE_VALIDATE_RESPONSES=1 (integration and e2e servers) every response is checked against the endpoint
 * (status, error code, schema, path); a mismatch replaces it with a loud 500 (lib/http/check-response.ts).
 */
export function defineRoute<E extends EndpointDefinition>(
  endpoint: E,
  handler: (input: RouteInput<E>) => Promise<RouteResult<E>>,
): RouteHandler<E> {
  async function serve(request: Request, context: { params: Promise<unknown> }): Promise<Response> {
    try {
      if (endpoint.method !== "GET") assertSameOrigin(request);
      const actor = endpoint.access === "public" ? null : await getActor();
      // The documented sign-in requirement holds before any input is read; lib/data still decides everything else.
      if (endpoint.access !== "public" && endpoint.access.signIn && actor!.kind === "anonymous") {
        throw new AppError("UNAUTHENTICATED", "Sign in (or send an API token) to do this");
      }
      const params = endpoint.params ? endpoint.params.parse(await context.params) : undefined;
      const query = endpoint.query ? endpoint.query.parse(queryObject(request.url)) : undefined;
      const body = endpoint.body ? endpoint.body.schema.parse(await readJsonBody(request, endpoint.body.maxBytes)) : undefined;
      // The request budget (lib/http/request-budget): registry calls inside see its deadline; a read that runs out
      // answers 504 naming the registry and the slow step. A mutation answers with what it did (its registry calls
      // are still cut off at the deadline), never a 504 for a change that then commits.
      const run = () => handler({ actor, params, query, body, request } as RouteInput<E>);
      const answerAtDeadline = endpoint.method === "GET";
      const result = await (endpoint.budgetSeconds
        ? withRequestBudget(run, endpoint.budgetSeconds * 1000, { answerAtDeadline })
        : withConfiguredBudget(run, { answerAtDeadline }));
      return toResponse(endpoint, result);
    } catch (error) {
      return errorResponse(error);
    }
  }
  const route = env.KITGATE_VALIDATE_RESPONSES === "1"
    ? async (request: Request, context: { params: Promise<unknown> }) => checkResponse(endpoint, request, await serve(request, context))
    : serve;
  return Object.assign(route, { endpoint });
}

/** Query values as strings; a repeated key keeps its first value (the schemas bound each one). */
function queryObject(url: string): Record<string, string> {
  const raw: Record<string, string> = {};
  for (const [key, value] of new URL(url).searchParams) if (!(key in raw)) raw[key] = value;
  return raw;
}

function toResponse(endpoint: EndpointDefinition, result: unknown): Response {
  const r = endpoint.response;
  if (r.kind === "empty") return new Response(null, { status: r.status, headers: { "Cache-Control": "no-store" } });
  if (r.kind === "download") return downloadResponse(result as DownloadFile);
  // Reads may be revalidated by the browser but never shared by a proxy; mutations and token lists are never stored.
  const cache = endpoint.access === "public" ? null : endpoint.method === "GET" ? (endpoint.cache ?? "private, no-cache") : "no-store";
  return Response.json(result, { status: r.status, headers: cache ? { "Cache-Control": cache } : {} });
}

/** A report as a download: attachment, never cached (a point-in-time, per-user export), never sniffed. */
function downloadResponse(file: DownloadFile): Response {
  return new Response(file.body as BodyInit, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
