"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useState } from "react";
import { ErrorPanel } from "@/components/ui/error-panel";
import { Bytes } from "@/components/ui/bytes";
import { CopyButton } from "@/components/ui/copy-button";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ApiError } from "@/lib/api/api-error";
import { formatMode } from "@/lib/format/format-mode";
import { searchString } from "@/lib/format/search-string";
import { queryKeys } from "@/lib/query-keys";
import { MarkdownView } from "./markdown-view";
import { TensorTable } from "./tensor-table";
import { VerificationNote } from "./verification-note";

// Monaco touches `window` at import time and weighs megabytes: load it only when a text file is opened.
const MonacoViewer = dynamic(() => import("./monaco-viewer"), {
  ssr: false,
  loading: () => <p className="muted viewer-body">Loading editor…</p>,
});

/** One file of one layer: text in Monaco, Markdown rendered, binaries described, weights as a header table. */
export function FileViewer({ pinnedRef, layer, path, full, fullHref }: { pinnedRef: string; layer: string; path: string; full: boolean; fullHref: string }) {
  const [showSource, setShowSource] = useState(false);
  const file = useQuery({
    queryKey: queryKeys.file(pinnedRef, layer, path, full),
    queryFn: ({ signal }) =>
      fetchJson<"getModelKitFile">(`/api/v1/modelkit/file${searchString({ ref: pinnedRef, layer, path, full: full ? "1" : null })}`, signal),
    // layer digest + path: immutable content
    staleTime: Infinity,
  });

  if (file.isPending)
    return (
      <p className="muted viewer-body" role="status">
        Reading {path}…
      </p>
    );
  if (file.isError)
    return (
      <div className="viewer-body">
        <ErrorPanel error={{ code: (file.error as ApiError).code ?? "INTERNAL", message: file.error.message }} />
      </div>
    );

  const f = file.data;
  return (
    <section aria-label={`File ${f.path}`}>
      <div className="viewer-head">
        <div>
          <strong className="mono">{f.path}</strong>{" "}
          <span className="muted">
            · <Bytes value={f.size} /> · {formatMode(f.mode)} · {f.kind}
            {f.kind === "text" && f.language !== "plaintext" ? ` · ${f.language}` : ""}
          </span>
        </div>
        <span className="row">
          {f.kind === "markdown" ? (
            <button type="button" className="btn btn-sm" onClick={() => setShowSource((s) => !s)} aria-pressed={showSource}>
              {showSource ? "Rendered" : "Source"}
            </button>
          ) : null}
          {f.sha256 ? <CopyButton text={f.sha256} label={`Copy sha256 of ${f.path}`}>sha256</CopyButton> : null}
        </span>
      </div>
      <VerificationNote pinnedRef={pinnedRef} layer={f.layerDigest} verification={f.verification} />
      {f.truncated ? (
        <div className="alert alert-warn" style={{ margin: 12 }}>
          Showing the first part of this file only (display budget).{" "}
          {!full ? (
            <Link href={fullHref} scroll={false}>
              Load anyway
            </Link>
          ) : (
            "It is larger than the hard cap."
          )}
        </div>
      ) : null}
      {f.kind === "text" || (f.kind === "markdown" && showSource) ? (
        <div className="viewer-body">
          <MonacoViewer value={f.text ?? ""} language={f.kind === "markdown" ? "markdown" : f.language} path={`${layer}/${f.path}`} />
        </div>
      ) : f.kind === "markdown" ? (
        <div className="viewer-body">
          <MarkdownView source={f.text ?? ""} />
        </div>
      ) : f.kind === "tensors" && f.tensors ? (
        <div className="viewer-body">
          <TensorTable header={f.tensors} />
        </div>
      ) : (
        <div className="viewer-body">
          <dl className="dl">
            <dt>Type</dt>
            <dd>{f.note ?? "binary file"}</dd>
            <dt>Size</dt>
            <dd>
              <Bytes value={f.size} />
            </dd>
            <dt>sha256</dt>
            <dd>
              <code>{f.sha256 ?? "not computed (file not read in full)"}</code>
            </dd>
            <dt>Layer</dt>
            <dd>
              <code>{f.layerDigest}</code>
            </dd>
          </dl>
          <p className="muted" style={{ marginTop: 12 }}>
            Binary content is not displayed.
          </p>
        </div>
      )}
    </section>
  );
}
