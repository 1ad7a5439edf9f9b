import { searchString } from "./search-string";

/** The repositories page of one registry. */
export function registryHref(registry: string, search?: { q?: string; cursor?: string | null }): string {
  return `/registries/${encodeURIComponent(registry)}${searchString({ q: search?.q, cursor: search?.cursor })}`;
}
