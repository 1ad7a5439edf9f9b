"use client";

import { html as renderDiffHtml } from "diff2html";
import "diff2html/bundles/css/diff2html.min.css";
import { ColorSchemeType } from "diff2html/lib/types";
import { memo, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TextDiffBody } from "@/lib/data/dto";
import { decideRender, nextHunkOffset } from "@/lib/format/render-budget";

export type OutputFormat = "line-by-line" | "side-by-side";

/**
 * diff2html over one page of hunks. diff2html escapes every line and file name itself (verified in Node and
 * Chromium, reference/stack.md §5, and by e2e/diff-escaping.spec.ts); nothing else is ever put into this HTML.
 */
export const HunkPage = memo(function HunkPage({ patch, format }: { patch: string; format: OutputFormat }) {
  const out = useMemo(
    () => renderDiffHtml(patch, { outputFormat: format, drawFileList: false, matching: "lines", diffStyle: "word", colorScheme: ColorSchemeType.AUTO }),
    [patch, format],
  );
  return <div className="d2h-host" dangerouslySetInnerHTML={{ __html: out }} />;
});

/**
 * A file's line diff: the first page of hunks comes with the file diff; "Load more hunks" fetches the next page
 * (only pages the user asked for are ever rendered). Over the auto-render budget it waits behind "Load diff".
 */
export function TextDiff({
  first,
  format,
  fetchPage,
  label,
}: {
  first: TextDiffBody;
  format: OutputFormat;
  fetchPage: (offset: number) => Promise<TextDiffBody>;
  label: string;
}) {
  const [more, setMore] = useState<TextDiffBody[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [userChoice, setUserChoice] = useState<"show" | null>(null);

  if (first.status !== "ok") {
    return (
      <div className="alert alert-warn" role="status">
        {first.status === "timeout"
          ? "The line diff did not finish within its time budget; only the summary above is shown."
          : "The line diff was skipped: the file is over the interactive size budget or has lines too long to compare (minified data)."}
      </div>
    );
  }
  if (first.totalHunks === 0) return <p className="muted">No line changes.</p>;

  const decision = decideRender({ totalLines: first.totalLines, patchBytes: first.patch.length, userChoice });
  const stats = first.stats;
  if (decision === "collapsed") {
    return (
      <div className="diff-collapsed" role="group" aria-label={`${label} (not rendered)`}>
        <p style={{ margin: 0 }}>
          Large diff: {first.totalLines.toLocaleString("en-US")} lines in {first.totalHunks.toLocaleString("en-US")} hunks
          {stats ? ` (+${stats.added.toLocaleString("en-US")} −${stats.removed.toLocaleString("en-US")})` : ""} — not rendered automatically.
        </p>
        <Button size="sm" onClick={() => setUserChoice("show")}>
          Load diff
        </Button>
      </div>
    );
  }

  const pages = [first, ...more];
  const last = pages[pages.length - 1]!;
  const next = nextHunkOffset(last);
  const shown = pages.reduce((n, p) => n + (nextHunkOffset(p) ?? p.totalHunks) - p.offset, 0);

  async function loadMore() {
    if (next === null) return;
    setLoading(true);
    setError(null);
    try {
      const page = await fetchPage(next);
      setMore((m) => [...m, page]);
    } catch (e) {
      setError(e instanceof Error ? e.message : "Could not load more hunks");
    } finally {
      setLoading(false);
    }
  }

  return (
    <div className="text-diff" aria-label={label} role="group" data-format={format}>
      {pages.map((p) => (
        <HunkPage key={p.offset} patch={p.patch} format={format} />
      ))}
      {next !== null ? (
        <div className="row">
          <Button size="sm" onClick={loadMore} disabled={loading} aria-busy={loading}>
            {loading ? "Loading…" : "Load more hunks"}
          </Button>
          <span className="muted">
            {shown.toLocaleString("en-US")} of {first.totalHunks.toLocaleString("en-US")} hunks shown
          </span>
          {error ? <span className="diff-del-text">{error}</span> : null}
        </div>
      ) : null}
    </div>
  );
}
