import { searchString } from "@/lib/format/search-string";

/** The shareable URL of a comparison: base and head as the user named them (tags stay readable). */
export function diffHref(base: string, head: string): string {
  return `/diff${searchString({ base, head })}`;
}
