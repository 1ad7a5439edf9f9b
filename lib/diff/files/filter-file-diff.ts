import type { FileChange, FileChangeKind } from "@/lib/diff/types";

export interface FileDiffFilter {
  /** case-insensitive substring of the path; `*` matches any run of characters */
  query?: string;
  /** keep only these kinds (empty or absent: all) */
  kinds?: readonly FileChangeKind[];
}

/** Longest query honoured: longer strings are user error or abuse, and the regex is built from it. */
export const MAX_FILTER_QUERY_LENGTH = 512;

function matcher(query: string): (path: string) => boolean {
  const q = query.slice(0, MAX_FILTER_QUERY_LENGTH).toLowerCase();
  if (!q.includes("*")) return (path) => path.toLowerCase().includes(q);
  // Escape everything but `*`, collapse runs of `*` so the pattern cannot backtrack explosively.
  const source = q.replace(/\*+/g, "*").split("*").map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  const re = new RegExp(source);
  return (path) => re.test(path.toLowerCase());
}

export function filterFileDiff(list: readonly FileChange[], filter: FileDiffFilter): FileChange[] {
  const kinds = filter.kinds && filter.kinds.length > 0 ? new Set(filter.kinds) : null;
  const query = filter.query?.trim() ?? "";
  const match = query === "" ? null : matcher(query);
  return list.filter((c) => (kinds === null || kinds.has(c.kind)) && (match === null || match(c.path)));
}
