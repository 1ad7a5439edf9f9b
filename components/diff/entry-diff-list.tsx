"use client";

import { useId, useState } from "react";
import { Bytes } from "@/components/ui/bytes";
import type { DiffSection, EntriesDiff, EntryDiff } from "@/lib/diff/types";
import { EntryFilesDiff } from "./entry-files-diff";

const SECTION_TITLES: Record<DiffSection, string> = {
  package: "Package",
  model: "Model",
  parts: "Model parts",
  code: "Code",
  datasets: "Datasets",
  docs: "Docs",
  prompts: "Prompts",
  mcpServers: "MCP servers",
};
/** Package is the config blob: its changes are the Kitfile table above, not a file tree. */
const FILE_SECTIONS: DiffSection[] = ["model", "parts", "code", "datasets", "docs", "prompts", "mcpServers"];

/** Entries per section, matched by name/path; each changed entry opens (on demand) to its file tree diff. */
export function EntryDiffList({ entries, base, head }: { entries: EntriesDiff; base: string; head: string }) {
  const sections = FILE_SECTIONS.filter((s) => entries[s].length > 0);
  if (sections.length === 0) return <p className="muted">Neither version has layer entries.</p>;
  return (
    <div className="stack">
      {sections.map((s) => {
        const list = entries[s];
        const changed = list.filter((e) => e.status !== "unchanged");
        const unchanged = list.length - changed.length;
        return (
          <section key={s} aria-label={`${SECTION_TITLES[s]} entries`} className="entry-section">
            <h3>
              {SECTION_TITLES[s]} <span className="muted">{list.length}</span>
            </h3>
            <ul className="entry-diffs">
              {changed.map((e) => (
                <EntryRow key={e.key} entry={e} base={base} head={head} />
              ))}
            </ul>
            {unchanged > 0 ? (
              <p className="muted" style={{ margin: "4px 0 0" }}>
                {unchanged} unchanged: {list.filter((e) => e.status === "unchanged").map((e) => e.key).join(", ")}
              </p>
            ) : null}
          </section>
        );
      })}
    </div>
  );
}

function EntryRow({ entry, base, head }: { entry: EntryDiff; base: string; head: string }) {
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const b = entry.before;
  const a = entry.after;
  const hasLayer = Boolean(b?.digest || a?.digest);
  const external = Boolean(b?.external || a?.external);
  const path = a?.path ?? b?.path ?? entry.key;
  const title = entry.key !== path ? `${entry.key} (${path})` : path;
  return (
    <li className="entry-diff" data-entry-status={entry.status} data-entry-key={entry.key}>
      <div className="entry-diff-head">
        {hasLayer && !entry.recompressed ? (
          <button type="button" className="file-toggle" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((v) => !v)}>
            <span aria-hidden="true" className="chevron">
              {open ? "▾" : "▸"}
            </span>
            <span className="file-path">{title}</span>
          </button>
        ) : (
          <span className="file-path file-path-static">{title}</span>
        )}
        <span className={`diff-kind diff-kind-${entry.status}`}>{entry.status}</span>
        {entry.recompressed ? <span className="badge badge-violet">recompressed, same content</span> : null}
        {external ? <span className="badge badge-neutral">external{a?.remotePath || b?.remotePath ? `: ${a?.remotePath ?? b?.remotePath}` : ""}</span> : null}
        {b?.remoteHash !== a?.remoteHash && (b?.remoteHash || a?.remoteHash) ? (
          <code className="muted">
            remoteHash {b?.remoteHash ?? "—"} → {a?.remoteHash ?? "—"}
          </code>
        ) : null}
        <span className="muted size">
          {b?.size != null ? <Bytes value={b.size} /> : "—"} → {a?.size != null ? <Bytes value={a.size} /> : "—"}
        </span>
      </div>
      {open ? (
        <div id={panelId} className="entry-diff-body">
          <EntryFilesDiff base={base} head={head} section={entry.section} entryKey={entry.key} />
        </div>
      ) : null}
    </li>
  );
}
