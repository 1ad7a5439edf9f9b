import { searchString } from "./search-string";

/** One version's page; each tab, layer and opened file has its own URL. */
export function kitHref(ref: string, opts?: { tab?: string; layer?: string | null; path?: string | null; full?: boolean }): string {
  return `/kit${searchString({
    ref,
    tab: opts?.tab && opts.tab !== "overview" ? opts.tab : null,
    layer: opts?.layer,
    path: opts?.path,
    full: opts?.full ? "1" : null,
  })}`;
}
