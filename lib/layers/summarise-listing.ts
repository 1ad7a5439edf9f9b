import type { FileEntry, LayerListing } from "@/lib/layers/types";

/** Wraps entries into a listing with warnings a reviewer should see before trusting the file tree. */
export function summariseListing(entries: FileEntry[], reason: string | undefined): LayerListing {
  const warnings: string[] = [];
  const unsafe = entries.filter((e) => e.unsafe !== undefined);
  if (unsafe.length > 0) {
    const kinds = [...new Set(unsafe.map((e) => e.unsafe))].join(", ");
    warnings.push(`${unsafe.length} entries have unsafe names or are links (${kinds}); they are listed, never followed`);
  }
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.path)) duplicates.add(e.path);
    seen.add(e.path);
  }
  if (duplicates.size > 0) {
    // extraction keeps the last copy, a reader shows the first: a reviewer must know they can differ
    warnings.push(`${duplicates.size} paths appear more than once (e.g. ${[...duplicates][0]}); extraction keeps the last`);
  }
  const listing: LayerListing = { entries, truncated: reason !== undefined, warnings };
  if (reason !== undefined) listing.reason = reason;
  return listing;
}
