// Test double for the edge of the transport stack: a Fetcher that records every request it sees.
import type { Fetcher } from "@/lib/oci/types";

export interface RecordedRequest {
  method: string;
  url: URL;
  headers: Headers;
}

export interface FakeFetcher {
  fetch: Fetcher;
  requests: RecordedRequest[];
  /** requests whose path matches */
  count(pathPattern: RegExp, method?: string): number;
}

export function fakeFetcher(handle: (req: Request, url: URL) => Response | Promise<Response>): FakeFetcher {
  const requests: RecordedRequest[] = [];
  return {
    requests,
    fetch: async (req) => {
      const url = new URL(req.url);
      requests.push({ method: req.method, url, headers: new Headers(req.headers) });
      const res = await handle(req, url);
      // Real fetch sets Response.url; the client resolves Link headers against it.
      Object.defineProperty(res, "url", { value: req.url });
      return res;
    },
    count: (pattern, method) =>
      requests.filter((r) => pattern.test(r.url.pathname) && (!method || r.method === method)).length,
  };
}

export const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    ...init,
    headers: { "content-type": "application/json", ...(init.headers as Record<string, string> | undefined) },
  });
