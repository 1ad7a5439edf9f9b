import type { ChainVerification } from "@/lib/audit/types";

const REASON = {
  "hash-mismatch": "its content no longer matches its hash (edited, or inserted outside Kitgate)",
  "prev-mismatch": "it does not link to the row before it (an earlier row was edited and re-hashed, or rows were moved)",
  gap: "rows before it are missing (deleted or renumbered)",
} as const;

/** The chain banner: intact (with the head hash to write down), broken (naming the row), or not checked. */
export function ChainStatus({ result }: { result: ChainVerification | { error: string } | null }) {
  if (result === null)
    return <p className="alert alert-info">Chain verification is shown to admins; ask one to run it, or run <code>npm run audit:verify</code>.</p>;
  if ("error" in result) return <p className="alert alert-warn">Could not verify the chain: {result.error}</p>;
  if (result.ok)
    return (
      <p className="alert alert-info" data-testid="chain-status">
        Audit chain intact: {result.checked} rows verified{result.lastHash ? <>; head hash <code>{result.lastHash}</code></> : null}.
      </p>
    );
  const b = result.firstBroken!;
  return (
    <p className="alert alert-error" role="alert" data-testid="chain-status">
      Audit chain broken at row #{b.seq ?? "(unnumbered)"} (<code>{b.id}</code>): {REASON[b.reason]}. {result.checked} rows before it verify.
    </p>
  );
}
