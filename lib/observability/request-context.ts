import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

/** What every log line and registry call made on behalf of one request (or one job) can be traced back to. */
export interface RequestContext {
  requestId: string;
  /** the route template that served it (`/api/v1/approvals/[id]`), once known */
  route?: string;
}

// On globalThis: Next bundles instrumentation.ts and the route handlers separately, so a module-level instance could
// exist twice in one process, and a context entered by the HTTP layer must be the one the handlers read.
const KEY = Symbol.for("kitgate.requestContext");
const g = globalThis as unknown as Record<typeof KEY, AsyncLocalStorage<RequestContext> | undefined>;
const storage: AsyncLocalStorage<RequestContext> = (g[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** The request (or job) this code runs for; undefined at start-up and in scripts. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/** Runs `fn` as part of `context` (a job runner passes the id of the request that queued the job). */
export function runWithRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/**
 * Makes `context` current for the rest of this synchronous execution and everything it starts. Only for the HTTP
 * hook (observe-http-requests.ts), which is called just before Node hands the request to Next and has no callback
 * to wrap.
 */
export function enterRequestContext(context: RequestContext): void {
  storage.enterWith(context);
}

const INCOMING_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The id a trusted front (ingress, nginx) already gave the request, if it looks like one; a fresh UUID otherwise. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && INCOMING_ID.test(value) ? value : randomUUID();
}
