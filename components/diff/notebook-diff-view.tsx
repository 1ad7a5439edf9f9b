"use client";

import { createTwoFilesPatch } from "diff";
import { useMemo } from "react";
import type { NotebookCellChange, NotebookDiff } from "@/lib/diff/types";
import { HunkPage, type OutputFormat } from "./text-diff";

/** Cell sources are diffed in the browser; past this a cell is only marked changed (the raw diff has it all). */
const MAX_CELL_SOURCE_CHARS = 50_000;

const label = (c: NotebookCellChange) =>
  `${c.cellType} cell ${c.indexAfter !== undefined ? `#${c.indexAfter + 1}` : `#${(c.indexBefore ?? 0) + 1} (base)`}`;

/** Cell-aware notebook diff: one block per changed cell with its source as a small line diff and output text changes. */
export function NotebookDiffView({ notebook, format }: { notebook: NotebookDiff; format: OutputFormat }) {
  const cells = notebook.cells.filter((c) => c.kind !== "unchanged");
  const k = notebook.counts;
  return (
    <div className="stack">
      <p className="row" style={{ margin: 0 }}>
        <span className="diff-add-text">{k.added} cells added</span>
        <span className="diff-del-text">{k.removed} removed</span>
        <span className="diff-chg-text">{k.changed} changed</span>
        <span className="muted">
          {k.moved} moved, {k.unchanged} unchanged (matched by {notebook.matchedBy === "id" ? "cell id" : "source"})
        </span>
        {notebook.metadataChanged ? <span className="muted">notebook metadata changed</span> : null}
      </p>
      {cells.length === 0 ? <p className="muted">No cell changed.</p> : null}
      {cells.map((c, i) => (
        <section key={i} className="nb-cell" aria-label={label(c)} data-cell-kind={c.kind}>
          <h4 className="row">
            <span className={`diff-kind diff-kind-${c.kind === "moved" ? "changed" : c.kind}`}>{c.kind}</span>
            <span>{label(c)}</span>
            {c.cellTypeChanged ? <span className="muted">(cell type changed)</span> : null}
            {c.kind === "moved" ? (
              <span className="muted">
                #{(c.indexBefore ?? 0) + 1} → #{(c.indexAfter ?? 0) + 1}
              </span>
            ) : null}
          </h4>
          {c.sourceChanged || c.kind === "added" || c.kind === "removed" ? <CellSource cell={c} format={format} /> : null}
          {c.outputs.length > 0 ? (
            <ul className="nb-outputs" aria-label="Output changes">
              {c.outputs.map((o, j) => (
                <li key={j}>
                  <span className={`diff-kind diff-kind-${o.kind}`}>{o.kind}</span> output #{o.index + 1} ({o.what})
                  {o.summary ? <span className="muted"> — {o.summary}</span> : null}
                  {o.before !== undefined || o.after !== undefined ? (
                    <div className="nb-output-text">
                      {o.before !== undefined ? <pre className="diff-before-block">{o.before}</pre> : null}
                      {o.after !== undefined ? <pre className="diff-after-block">{o.after}</pre> : null}
                    </div>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}

function CellSource({ cell, format }: { cell: NotebookCellChange; format: OutputFormat }) {
  const before = cell.sourceBefore ?? "";
  const after = cell.sourceAfter ?? "";
  const tooBig = before.length + after.length > MAX_CELL_SOURCE_CHARS;
  const patch = useMemo(
    () => (tooBig ? "" : createTwoFilesPatch(cell.sourceBefore !== undefined ? "cell" : "/dev/null", cell.sourceAfter !== undefined ? "cell" : "/dev/null", ensureNl(before), ensureNl(after), "", "", { context: 3 })),
    [tooBig, before, after, cell.sourceBefore, cell.sourceAfter],
  );
  if (tooBig) return <p className="muted">Source changed (too large to diff here; use the raw view).</p>;
  return <HunkPage patch={patch} format={format} />;
}

const ensureNl = (s: string) => (s === "" || s.endsWith("\n") ? s : `${s}\n`);
