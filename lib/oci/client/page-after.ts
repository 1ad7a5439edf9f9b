import type { Page } from "@/lib/oci/types";

/**
 * Client-side paging for registries that ignore `n`/`last`: the sorted items after `cursor`, at most
 * `limit` of them; the cursor of the next page is the last item returned.
 */
export function pageAfter(items: readonly string[], cursor: string | null | undefined, limit: number): Page<string> {
  const sorted = [...new Set(items)].sort();
  const rest = cursor ? sorted.filter((item) => item > cursor) : sorted;
  const page = rest.slice(0, limit);
  return { items: page, next: rest.length > limit ? (page[page.length - 1] ?? null) : null };
}
