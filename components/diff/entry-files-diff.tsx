"use client";

import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetch-json";
import type { DiffSection, FileChange } from "@/lib/diff/types";
import { formatBytes } from "@/lib/format/format-bytes";
import { formatMode } from "@/lib/format/format-mode";
import { searchString } from "@/lib/format/search-string";
import { diffKeys } from "./diff-query-keys";
import { FileDiffView } from "./file-diff-view";

/** Past this many rows the list asks for a filter instead of rendering thousands of rows at once. */
const MAX_ROWS_SHOWN = 500;

const KIND_LABEL: Record<FileChange["kind"], string> = {
  added: "added",
  removed: "removed",
  modified: "modified",
  "mode-changed": "mode changed",
  "type-changed": "type changed",
};

/** The file tree diff of one entry (fetched when the entry is opened), with a filter and per-file expanders. */
export function EntryFilesDiff({ base, head, section, entryKey }: { base: string; head: string; section: DiffSection; entryKey: string }) {
  const [filter, setFilter] = useState("");
  const filterId = useId();
  const query = useQuery({
    queryKey: diffKeys.entryFiles(base, head, section, entryKey),
    queryFn: ({ signal }) => fetchJson<"diffEntryFiles">(`/api/v1/diff/files${searchString({ base, head, section, key: entryKey })}`, signal),
    staleTime: Infinity,
  });

  if (query.isPending)
    return (
      <p className="muted" role="status">
        Listing files…
      </p>
    );
  if (query.isError) return <ErrorPanel error={{ code: (query.error as ApiError).code ?? "INTERNAL", message: query.error.message }} />;

  const { tree, truncated } = query.data;
  const c = tree.counts;
  const needle = filter.trim().toLowerCase();
  const matching = needle ? tree.changes.filter((f) => f.path.toLowerCase().includes(needle)) : tree.changes;
  const rows = matching.slice(0, MAX_ROWS_SHOWN);

  return (
    <div className="entry-files stack">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <p className="row" style={{ margin: 0 }} data-testid="file-counts">
          <span className="diff-add-text">{c.added} added</span>
          <span className="diff-del-text">{c.removed} removed</span>
          <span className="diff-chg-text">{c.modified} modified</span>
          {c.modeChanged ? <span className="diff-chg-text">{c.modeChanged} mode changed</span> : null}
          {c.typeChanged ? <span className="diff-chg-text">{c.typeChanged} type changed</span> : null}
          <span className="muted">{c.unchanged} unchanged</span>
          {c.unverified ? <span className="muted" title="same size, no digest to compare">{c.unverified} same size (unverified)</span> : null}
          <span className="muted">
            {formatBytes(tree.bytesBefore)} → {formatBytes(tree.bytesAfter)}
          </span>
        </p>
        {tree.changes.length > 5 ? (
          <span className="row">
            <label htmlFor={filterId} className="visually-hidden">
              Filter changed files
            </label>
            <input id={filterId} className="input" type="search" placeholder="Filter files…" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </span>
        ) : null}
      </div>
      {truncated ? <div className="alert alert-warn">A layer listing stopped at its budget: only the files listed are compared.</div> : null}
      {tree.changes.length === 0 ? (
        <p className="muted">No file changed inside this entry (the layer differs only in its archive metadata).</p>
      ) : (
        <ul className="file-changes" aria-label={`Changed files in ${entryKey}`}>
          {rows.map((f) => (
            <FileChangeRow key={f.path} change={f} base={base} head={head} />
          ))}
        </ul>
      )}
      {matching.length > rows.length ? (
        <p className="muted">
          {matching.length - rows.length} more files; type in the filter to narrow the list.
        </p>
      ) : null}
      {needle && matching.length === 0 ? <p className="muted">No changed file matches “{filter}”.</p> : null}
    </div>
  );
}

function FileChangeRow({ change, base, head }: { change: FileChange; base: string; head: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const isFile = (change.before?.type ?? change.after?.type) === "file" && change.kind !== "type-changed";
  const sizes = `${change.before ? formatBytes(change.before.size) : "—"} → ${change.after ? formatBytes(change.after.size) : "—"}`;
  const modes =
    change.kind === "mode-changed" || change.modeChanged ? `${formatMode(change.before?.mode ?? 0)} → ${formatMode(change.after?.mode ?? 0)}` : null;
  const comparable = isFile && change.kind !== "mode-changed";
  return (
    <li className="file-change" data-file-kind={change.kind} data-path={change.path}>
      <div className="file-change-head">
        {comparable ? (
          <button type="button" className="file-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
            <span aria-hidden="true" className="chevron">
              {open ? "▾" : "▸"}
            </span>
            <span className="file-path">{change.path}</span>
          </button>
        ) : (
          <span className="file-path file-path-static">{change.path}</span>
        )}
        <span className={`diff-kind diff-kind-${change.kind === "added" || change.kind === "removed" ? change.kind : "changed"}`}>{KIND_LABEL[change.kind]}</span>
        {modes ? <code className="muted">{modes}</code> : null}
        {change.before?.linkTarget || change.after?.linkTarget ? (
          <code className="muted">
            → {change.before?.linkTarget ?? "—"} → {change.after?.linkTarget ?? "—"}
          </code>
        ) : null}
        <span className="muted size">{sizes}</span>
      </div>
      {open ? (
        <div id={panelId} className="file-change-body">
          <FileDiffView base={base} head={head} path={change.path} />
        </div>
      ) : null}
    </li>
  );
}
