import { describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { iterateCatalog } from "@/lib/oci/client/iterate-catalog";
import { listTagsPage } from "@/lib/oci/client/list-tags-page";
import { fakeFetcher, json } from "@/test/support/registry/fake-fetcher";

const ctxFor = (f: ReturnType<typeof fakeFetcher>) =>
  createOciContext({ url: "http://registry.test", fetch: f.fetch, retry: { sleep: async () => {}, maxAttempts: 1 } });

describe("listTagsPage", () => {
  it("pages client-side when the registry ignores n (distribution 2.8)", async () => {
    const tags = ["v3", "v1", "latest", "v2", "v10"];
    const f = fakeFetcher(() => json({ name: "team/a", tags }));
    const ctx = ctxFor(f);
    const seen: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = await listTagsPage(ctx, "team/a", cursor, 2);
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.next;
      if (!cursor) break;
    }
    expect(seen).toEqual(["latest", "v1", "v10", "v2", "v3"]);
    expect(f.requests[0]?.url.searchParams.get("n")).toBe("2");
    expect(ctx.probes.tagPagination).toBe(false);
  });

  it("trusts a registry that honours n/last and uses its Link to know there is more", async () => {
    const all = ["a", "b", "c"];
    const f = fakeFetcher((_req, url) => {
      const n = Number(url.searchParams.get("n"));
      const last = url.searchParams.get("last");
      const rest = last ? all.filter((t) => t > last) : all;
      const page = rest.slice(0, n);
      const more = rest.length > n;
      return json({ tags: page }, { headers: more ? { link: `</v2/team/a/tags/list?n=${n}&last=${page.at(-1)}>; rel="next"` } : {} });
    });
    const ctx = ctxFor(f);
    expect(await listTagsPage(ctx, "team/a", null, 2)).toEqual({ items: ["a", "b"], next: "b" });
    expect(await listTagsPage(ctx, "team/a", "b", 2)).toEqual({ items: ["c"], next: null });
    expect(ctx.probes.tagPagination).toBe(true);
  });

  it("maps a NAME_UNKNOWN error body to NOT_FOUND with the registry code kept", async () => {
    const f = fakeFetcher(() => json({ errors: [{ code: "NAME_UNKNOWN", message: "repository name not known" }] }, { status: 404 }));
    await expect(listTagsPage(ctxFor(f), "team/nope", null, 10)).rejects.toMatchObject({
      code: "NOT_FOUND",
      httpStatus: 404,
      registryCodes: ["NAME_UNKNOWN"],
    });
  });
});

describe("iterateCatalog", () => {
  it("follows Link headers page by page", async () => {
    const repos = ["a/x", "b/y", "c/z"];
    const f = fakeFetcher((_req, url) => {
      const last = url.searchParams.get("last");
      const rest = last ? repos.filter((r) => r > last) : repos;
      const page = rest.slice(0, 1);
      return json(
        { repositories: page },
        { headers: rest.length > 1 ? { link: `</v2/_catalog?last=${encodeURIComponent(page[0]!)}&n=1>; rel="next"` } : {} },
      );
    });
    const pages: string[][] = [];
    for await (const page of iterateCatalog(ctxFor(f), 1)) pages.push(page);
    expect(pages).toEqual([["a/x"], ["b/y"], ["c/z"]]);
  });

  it("ignores a next link that points to another origin", async () => {
    const f = fakeFetcher(() => json({ repositories: ["a"] }, { headers: { link: '<http://evil.test/v2/_catalog?last=a>; rel="next"' } }));
    const pages: string[][] = [];
    for await (const page of iterateCatalog(ctxFor(f))) pages.push(page);
    expect(pages).toEqual([["a"]]);
    expect(f.requests).toHaveLength(1);
  });
});
