import "server-only";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/oci/client/parse-json-body";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { MAX_LIST_BYTES, MAX_LIST_ITEMS } from "@/lib/oci/limits";
import { parseNextLink } from "@/lib/oci/transport/parse-next-link";
import { readCapped } from "@/lib/oci/transport/read-capped";

export interface CatalogPage {
  repositories: string[];
  /** the registry's `Link: rel="next"` target, null on the last page */
  nextUrl: URL | null;
}

/** One `GET /v2/_catalog` page: either `n`/`last` for a fresh start, or a `Link` URL to continue. */
export async function fetchCatalogPage(
  ctx: OciContext,
  from: { n?: number; last?: string | null } | URL = {},
): Promise<CatalogPage> {
  let target: string | URL;
  if (from instanceof URL) {
    target = from;
  } else {
    const q = new URLSearchParams();
    if (from.n !== undefined) q.set("n", String(from.n));
    if (from.last) q.set("last", from.last);
    target = `/v2/_catalog${q.size ? `?${q}` : ""}`;
  }
  const res = await sendRequest(ctx, { method: "GET", target, expect: [200], small: true, what: "catalog" });
  const body = parseJsonBody(await readCapped(res, MAX_LIST_BYTES, `registry ${ctx.name}: catalog`), "catalog");
  const repos = (body as { repositories?: unknown })?.repositories;
  if (!Array.isArray(repos) || !repos.every((r) => typeof r === "string")) {
    throw new AppError("MALFORMED_CONTENT", "catalog response has no repositories array");
  }
  if (repos.length > MAX_LIST_ITEMS) throw new AppError("TOO_LARGE", `catalog page has more than ${MAX_LIST_ITEMS} entries`);
  return { repositories: repos as string[], nextUrl: parseNextLink(res.headers.get("link"), res.url || ctx.baseUrl) };
}
