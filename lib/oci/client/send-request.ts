import "server-only";
import { currentBudget } from "@/lib/http/request-budget";
import type { OciContext } from "@/lib/oci/client/types";
import { errorFromResponse } from "@/lib/oci/transport/error-from-response";
import { toUpstreamError } from "@/lib/oci/transport/to-upstream-error";

export interface SendOptions {
  method: "GET" | "HEAD" | "PUT" | "POST" | "DELETE";
  /** path + query relative to the registry, or an absolute URL (Link / Location targets) */
  target: string | URL;
  headers?: Record<string, string>;
  body?: Uint8Array;
  /** statuses treated as success; anything else becomes an OciError */
  expect: number[];
  /** the body will be read into memory: bound the whole exchange by ctx.timeoutMs */
  small?: boolean;
  /** human description for error messages */
  what: string;
}

/** One request through the context's fetcher; unexpected statuses become `OciError` with the registry's codes. */
export async function sendRequest(ctx: OciContext, opts: SendOptions): Promise<Response> {
  const url = typeof opts.target === "string" ? new URL(opts.target, ctx.baseUrl) : opts.target;
  const req = new Request(url, {
    method: opts.method,
    headers: opts.headers,
    // Uint8Array<ArrayBufferLike> is a valid body at runtime; the DOM typings only name ArrayBuffer-backed views.
    ...(opts.body ? { body: opts.body as Uint8Array<ArrayBuffer> } : {}),
    ...(opts.small ? { signal: AbortSignal.timeout(ctx.timeoutMs) } : {}),
  });
  const done = currentBudget()?.begin(ctx.name, `${opts.method} ${opts.what}`);
  try {
    let res: Response;
    try {
      res = await ctx.fetcher(req);
    } catch (e) {
      throw toUpstreamError(e, `registry ${ctx.name}: ${opts.method} ${opts.what}`);
    }
    if (!opts.expect.includes(res.status)) throw await errorFromResponse(res, opts.method, `registry ${ctx.name}: ${opts.what}`);
    return res;
  } finally {
    done?.();
  }
}
