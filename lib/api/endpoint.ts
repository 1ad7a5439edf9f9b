// The contract of one /api/v1 operation: pure data (zod schemas and words), importable by the server binding
// (lib/http/define-route.ts), the OpenAPI generator (lib/api/openapi.ts), the /api reference page, tests and —
// as types only — the browser's fetchers. Authorisation is NOT decided here: `access` documents what the data
// layer enforces (lib/data is the security boundary), and the generated document shows it to API users.
import type { z } from "zod";
import type { Permission } from "@/lib/access/types";
import { ERROR_CODE_NAMES, type ErrorCode } from "@/lib/errors";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call it, as documentation. `public`: no caller is resolved at all (the API document itself). */
export type EndpointAccess =
  | "public"
  | {
      /** the permission the data layer checks (lib/access/permissions.ts), if one */
      permission?: Permission;
      /** anonymous callers get 401 (otherwise they are treated per the `access:` grants, usually as "not found") */
      signIn: boolean;
      /** anything the permission alone does not say (filtering, self-approval, admin-only fields) */
      note?: string;
    };

export type EndpointResponse =
  | { kind: "json"; status: 200 | 201; schema: z.ZodType; description: string }
  | { kind: "empty"; status: 204; description: string }
  /** a file download (`Content-Disposition: attachment`); content type → what the file is */
  | { kind: "download"; status: 200; contentTypes: Record<string, string>; description: string };

export interface EndpointDefinition {
  method: HttpMethod;
  /** relative to /api/v1, OpenAPI template syntax: `/approvals/{id}` (the route file is app/api/v1/approvals/[id]/route.ts) */
  path: `/${string}`;
  /** groups operations in the document and on the /api page */
  tag: EndpointTag;
  summary: string;
  description?: string;
  access: EndpointAccess;
  /** query string; each value arrives as a string (a repeated key keeps its first value) */
  query?: z.ZodObject;
  /** path parameters, named as in `path` */
  params?: z.ZodObject;
  /** JSON body, capped at `maxBytes` before parsing (each route says why its cap is what it is) */
  body?: { schema: z.ZodType; maxBytes: number };
  /** request headers the operation reads, documented */
  headers?: { name: string; description: string }[];
  response: EndpointResponse;
  /**
   * Error codes specific to this operation. The ones every operation of its kind can return are added by
   * `errorCodesOf` (bad input, bad token, cross-site mutation, body too large, internal, deadline).
   */
  errors: readonly ErrorCode[];
  /** `no-store` where a browser must not keep even a private copy (token lists); reads default to `private, no-cache` */
  cache?: "no-store";
  /** registry content is read: registry failures and content errors are possible too */
  readsRegistry?: boolean;
  /**
   * This operation's request budget in seconds, when reading is its whole point (verifying a multi-GiB layer);
   * otherwise `timeouts.requestSeconds` from the config applies (lib/http/request-budget).
   */
  budgetSeconds?: number;
}

export const ENDPOINT_TAGS = {
  browse: "Registries, repositories, versions, one ModelKit and its files",
  diff: "Compare two versions: summary first, then entries and single files",
  attestations: "Signatures and attestations, verified against the configured trust keys",
  policy: "Policy evaluation: may a version enter an environment, rule by rule",
  approvals: "Promotion requests, decisions, deploy status for CI, the environment matrix",
  audit: "The hash-chained audit log and report downloads",
  tokens: "API tokens for CI",
  meta: "This document",
} as const;
export type EndpointTag = keyof typeof ENDPOINT_TAGS;

/** Declares an operation; the literal types of its schemas are kept so handlers and clients are typed by them. */
export function endpoint<const D extends EndpointDefinition>(definition: D): D {
  return definition;
}

const REGISTRY_ERRORS: ErrorCode[] = ["UPSTREAM", "UPSTREAM_TIMEOUT", "DIGEST_MISMATCH", "MALFORMED_CONTENT", "LIMIT_EXCEEDED"];

/** Every error code the operation may answer with, in the order of the table in lib/errors.ts. */
export function errorCodesOf(e: EndpointDefinition): ErrorCode[] {
  const codes = new Set<ErrorCode>(e.errors);
  codes.add("INTERNAL");
  if (e.access !== "public") {
    codes.add("UNAUTHENTICATED"); // a bad bearer token is refused everywhere, anonymous where sign-in is needed
    codes.add("RATE_LIMITED"); // an address that keeps sending bad bearer tokens is refused for the rest of its minute
  }
  if (e.query || e.params || e.body) codes.add("UNPROCESSABLE");
  if (e.method !== "GET") codes.add("FORBIDDEN"); // cross-site requests with a session cookie
  if (e.body) {
    codes.add("BAD_REQUEST");
    codes.add("TOO_LARGE");
  }
  if (e.readsRegistry) for (const c of REGISTRY_ERRORS) codes.add(c);
  return ERROR_CODE_NAMES.filter((c) => codes.has(c));
}

/** Value types an endpoint's handler receives and returns, and a client sends and reads. */
export type QueryOf<E extends EndpointDefinition> = E["query"] extends z.ZodType ? z.output<E["query"]> : undefined;
export type QueryInputOf<E extends EndpointDefinition> = E["query"] extends z.ZodType ? z.input<E["query"]> : never;
export type ParamsOf<E extends EndpointDefinition> = E["params"] extends z.ZodType ? z.output<E["params"]> : undefined;
export type BodyOf<E extends EndpointDefinition> = E["body"] extends { schema: infer S extends z.ZodType } ? z.output<S> : undefined;
export type BodyInputOf<E extends EndpointDefinition> = E["body"] extends { schema: infer S extends z.ZodType } ? z.input<S> : never;
/** What the JSON body of a success looks like (what a handler must return, and what a client reads). */
export type ResponseOf<E extends EndpointDefinition> = E["response"] extends { kind: "json"; schema: infer S extends z.ZodType }
  ? z.output<S>
  : undefined;
