"use client";

import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Bytes } from "@/components/ui/bytes";
import { Digest } from "@/components/ui/digest";
import { ErrorPanel } from "@/components/ui/error-panel";
import type { ApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetch-json";
import type { FileDiffDTO, FileSideDTO, TextDiffBody } from "@/lib/data/dto";
import { searchString } from "@/lib/format/search-string";
import { CsvDiffView } from "./csv-diff-view";
import { diffKeys } from "./diff-query-keys";
import { JsonChanges } from "./json-changes";
import { NotebookDiffView } from "./notebook-diff-view";
import { TensorDiff } from "./tensor-diff";
import { TextDiff, type OutputFormat } from "./text-diff";
import { Toggle } from "./toggle";

interface Opts {
  offset: number;
  ignoreWhitespace: boolean;
  csvKey: string | null;
  csvOffset: number;
}

function fileDiffUrl(base: string, head: string, path: string, o: Opts): string {
  return `/api/v1/diff/file${searchString({
    base,
    head,
    path,
    offset: o.offset ? String(o.offset) : null,
    ignoreWhitespace: o.ignoreWhitespace ? "1" : null,
    csvKey: o.csvKey,
    csvOffset: o.csvOffset ? String(o.csvOffset) : null,
  })}`;
}

/** One file compared across the two versions, rendered by kind. `base`/`head` are digest-pinned references. */
export function FileDiffView({ base, head, path }: { base: string; head: string; path: string }) {
  const [format, setFormat] = useState<OutputFormat>("line-by-line");
  const [ignoreWhitespace, setIgnoreWhitespace] = useState(false);
  const [csvKey, setCsvKey] = useState<string | null>(null);
  const [csvOffset, setCsvOffset] = useState(0);
  const [raw, setRaw] = useState(false);
  const queryClient = useQueryClient();
  const opts: Opts = { offset: 0, ignoreWhitespace, csvKey, csvOffset };

  const query = useQuery({
    queryKey: diffKeys.file(base, head, path, opts),
    queryFn: ({ signal }) => fetchJson<"diffFile">(fileDiffUrl(base, head, path, opts), signal),
    // both sides are pinned by digest: the answer never changes
    staleTime: Infinity,
    // CSV paging and key changes keep the current table on screen until the next page arrives
    placeholderData: keepPreviousData,
  });

  const fetchPage = (offset: number) => {
    const o = { ...opts, offset };
    return queryClient
      .fetchQuery({ queryKey: diffKeys.file(base, head, path, o), queryFn: ({ signal }) => fetchJson<"diffFile">(fileDiffUrl(base, head, path, o), signal), staleTime: Infinity })
      .then((d) => ("text" in d && d.text ? d.text : emptyText(offset)));
  };

  if (query.isPending)
    return (
      <p className="muted" role="status">
        Comparing {path}…
      </p>
    );
  if (query.isError) return <ErrorPanel error={{ code: (query.error as ApiError).code ?? "INTERNAL", message: query.error.message }} />;
  const d = query.data;
  const hasText = d.kind === "text" || ((d.kind === "json" || d.kind === "notebook") && d.text);
  const textLabel = `Line diff of ${path}`;

  return (
    <div className="file-diff" data-kind={d.kind} aria-busy={query.isFetching}>
      <div className="file-diff-toolbar row">
        <span className="muted">{describeClass(d)}</span>
        <SideSizes base={d.base} head={d.head} />
        {hasText && (d.kind !== "notebook" || raw) ? (
          <span className="row" role="group" aria-label="Diff layout">
            <Toggle pressed={format === "line-by-line"} onClick={() => setFormat("line-by-line")}>
              Unified
            </Toggle>
            <Toggle pressed={format === "side-by-side"} onClick={() => setFormat("side-by-side")}>
              Side by side
            </Toggle>
          </span>
        ) : null}
        {hasText ? (
          <Toggle pressed={ignoreWhitespace} onClick={() => setIgnoreWhitespace((v) => !v)}>
            Ignore whitespace
          </Toggle>
        ) : null}
        {d.kind === "notebook" ? (
          <Toggle pressed={raw} onClick={() => setRaw((v) => !v)}>
            Raw JSON
          </Toggle>
        ) : null}
      </div>
      {d.note ? <p className="muted file-diff-note">{d.note}</p> : null}
      {d.identical ? <p className="muted">Same bytes on both sides.</p> : null}
      {d.kind === "text" ? (
        <TextDiff key={`${ignoreWhitespace}`} first={d.text} format={format} fetchPage={fetchPage} label={textLabel} />
      ) : d.kind === "json" ? (
        <div className="stack">
          <JsonChanges changes={d.semantic.changes} truncated={d.semantic.truncated} />
          {d.text ? <TextDiff key={`${ignoreWhitespace}`} first={d.text} format={format} fetchPage={fetchPage} label={textLabel} /> : null}
        </div>
      ) : d.kind === "csv" ? (
        <CsvDiffView
          csv={d.csv}
          busy={query.isFetching}
          onKeyChange={(k) => {
            setCsvKey(k || null);
            setCsvOffset(0);
          }}
          onOffsetChange={setCsvOffset}
        />
      ) : d.kind === "notebook" ? (
        raw ? (
          <TextDiff key={`${ignoreWhitespace}`} first={d.text} format={format} fetchPage={fetchPage} label={textLabel} />
        ) : (
          <NotebookDiffView notebook={d.notebook} format="line-by-line" />
        )
      ) : d.kind === "tensors" ? (
        <TensorDiff diff={d.tensors} base={d.baseHeader} head={d.headHeader} />
      ) : (
        <BinarySides base={d.base} head={d.head} />
      )}
    </div>
  );
}

function emptyText(offset: number): TextDiffBody {
  return { status: "skipped", stats: null, patch: "", offset, totalHunks: 0, totalLines: 0 };
}

function describeClass(d: FileDiffDTO): string {
  switch (d.kind) {
    case "text":
      return d.text.stats ? `+${d.text.stats.added} −${d.text.stats.removed} lines` : "text";
    case "json":
      return `${d.class.toUpperCase()}: ${d.semantic.changes.length} path ${d.semantic.changes.length === 1 ? "change" : "changes"}`;
    case "csv":
      return d.csv.delimiter === "\t" ? "TSV table diff" : "CSV table diff";
    case "notebook":
      return "notebook, cell by cell";
    case "tensors":
      return "tensor header diff";
    default:
      return "binary";
  }
}

function SideSizes({ base, head }: { base: FileSideDTO | null; head: FileSideDTO | null }) {
  return (
    <span className="muted">
      {base ? <Bytes value={base.size} /> : "absent"} → {head ? <Bytes value={head.size} /> : "absent"}
    </span>
  );
}

function BinarySides({ base, head }: { base: FileSideDTO | null; head: FileSideDTO | null }) {
  return (
    <dl className="dl">
      <dt>Size</dt>
      <dd>
        {base ? <Bytes value={base.size} /> : "—"} → {head ? <Bytes value={head.size} /> : "—"}
      </dd>
      <dt>sha256 (base)</dt>
      <dd>{base?.sha256 ? <Digest value={base.sha256} /> : <span className="muted">{base ? "not computed (over the read budget)" : "—"}</span>}</dd>
      <dt>sha256 (head)</dt>
      <dd>{head?.sha256 ? <Digest value={head.sha256} /> : <span className="muted">{head ? "not computed (over the read budget)" : "—"}</span>}</dd>
    </dl>
  );
}
