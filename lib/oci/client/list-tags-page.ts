import "server-only";
import { AppError } from "@/lib/errors";
import { pageAfter } from "@/lib/oci/client/page-after";
import { parseJsonBody } from "@/lib/oci/client/parse-json-body";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { MAX_LIST_BYTES, MAX_LIST_ITEMS, MAX_LIST_PAGES } from "@/lib/oci/limits";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import { parseNextLink } from "@/lib/oci/transport/parse-next-link";
import { readCapped } from "@/lib/oci/transport/read-capped";
import type { Page } from "@/lib/oci/types";

function tagsOf(body: unknown): string[] {
  const tags = (body as { tags?: unknown })?.tags;
  if (tags === null) return []; // distribution answers `"tags": null` for a repository emptied by deletes
  if (!Array.isArray(tags) || !tags.every((t) => typeof t === "string")) {
    throw new AppError("MALFORMED_CONTENT", "tags list has no tags array");
  }
  return tags as string[];
}

/**
 * A page of tags after `cursor` (the last tag seen). Registries that honour `n`/`last` page for us;
 * registries that ignore `n` (distribution 2.8 returns everything) are detected by the answer having
 * more than `n` entries, followed through any `Link` pages, and paged here.
 */
export async function listTagsPage(
  ctx: OciContext,
  repo: string,
  cursor: string | null | undefined,
  limit: number,
): Promise<Page<string>> {
  assertRepositoryName(repo);
  const q = new URLSearchParams({ n: String(limit) });
  if (cursor) q.set("last", cursor);
  let res = await sendRequest(ctx, {
    method: "GET",
    target: `/v2/${repo}/tags/list?${q}`,
    expect: [200],
    small: true,
    what: `tags of ${repo}`,
  });
  let tags = tagsOf(parseJsonBody(await readCapped(res, MAX_LIST_BYTES, `registry ${ctx.name}: tags of ${repo}`), "tags list"));
  let next = parseNextLink(res.headers.get("link"), res.url || ctx.baseUrl);
  if (tags.length <= limit && (!cursor || tags.every((t) => t > cursor))) {
    if (next) ctx.probes.tagPagination = true;
    return { items: tags, next: next && tags.length > 0 ? tags[tags.length - 1]! : null };
  }
  ctx.probes.tagPagination = false;
  const all = [...tags];
  for (let pages = 1; next; pages++) {
    if (pages >= MAX_LIST_PAGES) throw new AppError("LIMIT_EXCEEDED", `tags of ${repo} span more than ${MAX_LIST_PAGES} pages`);
    res = await sendRequest(ctx, { method: "GET", target: next, expect: [200], small: true, what: `tags of ${repo}` });
    tags = tagsOf(parseJsonBody(await readCapped(res, MAX_LIST_BYTES, `registry ${ctx.name}: tags of ${repo}`), "tags list"));
    all.push(...tags);
    if (all.length > MAX_LIST_ITEMS) throw new AppError("TOO_LARGE", `${repo} has more than ${MAX_LIST_ITEMS} tags`);
    next = parseNextLink(res.headers.get("link"), res.url || ctx.baseUrl);
  }
  return pageAfter(all, cursor, limit);
}
