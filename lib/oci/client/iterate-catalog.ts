import "server-only";
import { AppError } from "@/lib/errors";
import { fetchCatalogPage } from "@/lib/oci/client/fetch-catalog-page";
import type { OciContext } from "@/lib/oci/client/types";
import { MAX_LIST_PAGES } from "@/lib/oci/limits";

/** Every repository of the registry, page by page, following `Link` headers (oras-go `Registry.Repositories`). */
export async function* iterateCatalog(ctx: OciContext, pageSize?: number): AsyncGenerator<string[], void, undefined> {
  let page = await fetchCatalogPage(ctx, pageSize !== undefined ? { n: pageSize } : {});
  for (let pages = 1; ; pages++) {
    yield page.repositories;
    if (!page.nextUrl) return;
    if (pages >= MAX_LIST_PAGES) throw new AppError("LIMIT_EXCEEDED", `catalog has more than ${MAX_LIST_PAGES} pages`);
    page = await fetchCatalogPage(ctx, page.nextUrl);
  }
}
