import { searchString } from "./search-string";

/** The versions page of one repository; repository slashes stay path separators. */
export function repositoryHref(registry: string, repository: string, search?: { q?: string; cursor?: string | null }): string {
  const path = repository.split("/").map(encodeURIComponent).join("/");
  return `/repositories/${encodeURIComponent(registry)}/${path}${searchString({ q: search?.q, cursor: search?.cursor })}`;
}
