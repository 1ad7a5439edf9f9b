import type { ChainVerification } from "@/lib/audit/types";

const REASON = {
  "hash-mismatch": "its content no longer matches its hash (edited, or inserted outside Kitgate)",
  "prev-mismatch": "it does not link to the row before it (an earlier row was edited and re-hashed, or rows were moved)",
  gap: "rows before it are missing (deleted or renumbered)",
  "mac-mismatch": "its content was changed by someone without Kitgate's key, and the hashes after it were recomputed to hide it",
  rewritten: "rows were rewritten after a signed checkpoint sealed them",
  truncated: "rows sealed by a signed checkpoint are missing (the log was truncated)",
  unsealed: "a row was inserted outside Kitgate (it is not in the chain and its MAC does not verify)",
} as const;

const when = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$/, " UTC");

/**
 * The chain banner: intact (how it was checked: against which signed checkpoint, how many newer rows, the head hash to
 * write down, the last full verification), broken (every finding, by sequence number), or not checked.
 */
export function ChainStatus({ result }: { result: ChainVerification | { error: string } | null }) {
  if (result === null)
    return <p className="alert alert-info">Chain verification is shown to admins; ask one to run it, or run <code>npm run audit:verify</code>.</p>;
  if ("error" in result) return <p className="alert alert-warn">Could not verify the chain: {result.error}</p>;
  const cp = result.checkpoint;
  const warnings = result.warnings ?? [];
  const full = result.lastFull;
  return (
    <div className="stack" data-testid="chain-status">
      {result.ok ? (
        <p className="alert alert-info">
          Audit chain intact
          {result.mode === "incremental" && cp ? (
            <>
              : rows 1–{cp.seq} sealed by signed checkpoint #{cp.seq} ({when(cp.time)}; copies in {cp.sources.join(", ")}), {result.checked - 1} newer
              row{result.checked - 1 === 1 ? "" : "s"} verified
              {result.unchecked ? <>, {result.unchecked} newest not re-hashed in this view</> : null}
            </>
          ) : result.mode === "incremental" && result.unchecked ? (
            <>
              {" "}as far as this view checked: the newest {result.checked} rows verified against each other, the {result.unchecked} before them are left to the full
              verification
            </>
          ) : (
            <>: all {result.checked} rows verified</>
          )}
          {result.head ? (
            <>
              ; head #{result.head.seq} <code>{result.head.hash}</code>
            </>
          ) : null}
          .
        </p>
      ) : (
        <div className="alert alert-error" role="alert">
          <p>
            Audit chain <strong>broken</strong>
            {cp ? <> (compared with signed checkpoint #{cp.seq}, {when(cp.time)})</> : null}:
          </p>
          <ul>
            {(result.findings ?? []).map((f, i) => (
              <li key={i}>
                {f.seq !== null ? <>Row #{f.seq}{f.toSeq && f.toSeq !== f.seq ? <>–#{f.toSeq}</> : null}</> : <>Row <code>{f.id}</code></>}: {REASON[f.reason]}.{" "}
                <span className="muted">{f.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {result.mode === "incremental" ? (
        <p className={full && !full.ok ? "alert alert-error" : "muted"} data-testid="full-verification">
          {full
            ? full.ok
              ? `Last full verification (every row recomputed): ${when(full.at)}, ${full.checked} rows intact.`
              : `Last full verification (${when(full.at)}) found the chain BROKEN at row #${full.firstBroken?.seq ?? "?"} (${full.firstBroken?.reason ?? "?"}).`
            : "No full verification has run yet; one runs in the background now."}
        </p>
      ) : null}
      {warnings.length > 0 ? (
        <ul className="alert alert-warn" aria-label="Verification warnings">
          {warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
