"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import type { ApiError } from "@/lib/api/api-error";
import { fetchJson } from "@/lib/api/fetch-json";
import { searchString } from "@/lib/format/search-string";
import { shortDigest } from "@/lib/format/short-digest";
import { diffHref } from "./diff-href";
import "./diff.css";
import { diffKeys } from "./diff-query-keys";

/** Versions offered in the picker; older ones are reachable by typing their reference. */
const VERSIONS_IN_PICKER = 100;

/**
 * "Compare with…" on a version page: another version of the same repository (from the versions API) or any
 * reference in any configured registry. Navigates to the shareable `/diff?base=<this>&head=<chosen>`.
 */
export function CompareWith({ pageRef, registry, repository, digest }: { pageRef: string; registry: string; repository: string; digest: string }) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState("");
  const [typed, setTyped] = useState("");
  const selectId = useId();
  const inputId = useId();
  const repo = `${registry}/${repository}`;
  const versions = useQuery({
    queryKey: diffKeys.versions(repo),
    queryFn: ({ signal }) => fetchJson<"listVersions">(`/api/v1/versions${searchString({ repository: repo, limit: String(VERSIONS_IN_PICKER) })}`, signal),
    enabled: open,
  });

  const options = (versions.data?.items ?? [])
    .filter((v) => v.digest !== digest && v.format !== "error")
    .flatMap((v) =>
      v.tags.length > 0
        ? v.tags.map((t) => ({ value: `${repo}:${t}`, label: `${t} (${shortDigest(v.digest)})` }))
        : [{ value: `${repo}@${v.digest}`, label: shortDigest(v.digest) }],
    );

  function submit(e: FormEvent) {
    e.preventDefault();
    const head = typed.trim() || picked;
    if (head) router.push(diffHref(pageRef, head));
  }

  return (
    <details className="compare-with" onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary className="btn">Compare with…</summary>
      <form className="compare-with-panel stack" onSubmit={submit} aria-label="Compare this version with another">
        <div>
          <label htmlFor={selectId}>Another version of {repository}</label>
          <select id={selectId} className="input input-select" value={picked} onChange={(e) => setPicked(e.target.value)} disabled={!versions.isSuccess}>
            <option value="">
              {versions.isPending ? "Loading versions…" : versions.isError ? "Versions unavailable" : options.length ? "Choose a version" : "No other version"}
            </option>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
          {versions.isError ? <p className="muted">{(versions.error as ApiError).message}</p> : null}
        </div>
        <div>
          <label htmlFor={inputId}>or any reference</label>
          <input
            id={inputId}
            className="input"
            placeholder="registry/repository:tag or @sha256:…"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            spellCheck={false}
            autoComplete="off"
          />
        </div>
        <div className="row">
          <button type="submit" className="btn btn-primary" disabled={!typed.trim() && !picked}>
            Compare
          </button>
          <span className="muted">This version is the base.</span>
        </div>
      </form>
    </details>
  );
}
