"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorPanel } from "@/components/ui/error-panel";
import { fetchJson } from "@/lib/api/fetch-json";
import type { ApiError } from "@/lib/api/api-error";
import { buildFileTree } from "@/lib/format/build-file-tree";
import { formatBytes } from "@/lib/format/format-bytes";
import { kitHref } from "@/lib/format/kit-href";
import { searchString } from "@/lib/format/search-string";
import { queryKeys } from "@/lib/query-keys";
import { FileTree } from "./file-tree";
import { FileViewer } from "./file-viewer";
import { VerificationNote } from "./verification-note";

export interface LayerChoice {
  digest: string;
  kind: string;
  path: string | null;
  size: number;
}

/**
 * Files tab: layer picker, tree and viewer. Links carry the state (`layer`, `path`) so every file has a
 * URL; data comes from /api/v1 by the pinned digest reference, so it is cached for good.
 */
export function FilesBrowser({
  pageRef,
  pinnedRef,
  layers,
  layer,
  path,
  full,
}: {
  /** the reference in the URL (may be a tag), kept in links */
  pageRef: string;
  /** `registry/repo@sha256:…`: what the API is asked for */
  pinnedRef: string;
  layers: LayerChoice[];
  layer: string | null;
  path: string | null;
  full: boolean;
}) {
  const current = layer ?? layers[0]?.digest ?? null;
  const listing = useQuery({
    queryKey: queryKeys.layerFiles(pinnedRef, current ?? ""),
    queryFn: ({ signal }) =>
      fetchJson<"listLayerFiles">(`/api/v1/modelkit/files${searchString({ ref: pinnedRef, layer: current })}`, signal),
    enabled: !!current,
    // a layer is addressed by digest: its listing never changes
    staleTime: Infinity,
  });

  if (layers.length === 0) return <EmptyState title="This version has no layers" />;

  return (
    <div className="files-layout">
      <div className="panel">
        <h2 className="visually-hidden">Layers</h2>
        <nav className="layer-picker" aria-label="Layers">
          {layers.map((l) => (
            <Link
              key={l.digest}
              href={kitHref(pageRef, { tab: "files", layer: l.digest })}
              aria-current={l.digest === current ? "true" : undefined}
              scroll={false}
            >
              <span>
                <strong>{l.kind}</strong> <span className="muted">{l.path ?? l.digest.slice(7, 19)}</span>
              </span>
              <span className="muted">{formatBytes(l.size)}</span>
            </Link>
          ))}
        </nav>
        <h2 style={{ fontSize: 13 }}>Files</h2>
        {listing.isPending ? (
          <p className="muted" role="status">
            Listing files…
          </p>
        ) : listing.isError ? (
          <ErrorPanel error={{ code: (listing.error as ApiError).code ?? "INTERNAL", message: listing.error.message }} />
        ) : (
          <>
            <VerificationNote pinnedRef={pinnedRef} layer={listing.data.layerDigest} verification={listing.data.listing.verification} />
            {listing.data.listing.warnings.length > 0 || listing.data.listing.truncated ? (
              <div className="alert alert-warn" style={{ marginBottom: 8 }}>
                <ul>
                  {listing.data.listing.truncated ? <li>Listing truncated: {listing.data.listing.reason ?? "cap reached"}</li> : null}
                  {listing.data.listing.warnings.map((w, i) => (
                    <li key={i}>{w}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            {listing.data.listing.entries.length === 0 ? (
              <p className="muted">This layer is empty.</p>
            ) : (
              <FileTree
                rows={buildFileTree(listing.data.listing.entries)}
                selected={path}
                hrefFor={(p) => kitHref(pageRef, { tab: "files", layer: current, path: p })}
              />
            )}
          </>
        )}
      </div>
      <div className="panel" style={{ padding: 0 }}>
        {path && current ? (
          <FileViewer
            pinnedRef={pinnedRef}
            layer={current}
            path={path}
            full={full}
            fullHref={kitHref(pageRef, { tab: "files", layer: current, path, full: true })}
          />
        ) : (
          <div className="viewer-body">
            <p className="muted">Pick a file to view it. Text opens in a read-only editor, Markdown is rendered, model weights show their tensor header.</p>
          </div>
        )}
      </div>
    </div>
  );
}
