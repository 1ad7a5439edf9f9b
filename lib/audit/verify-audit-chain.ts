import { hashAuditRow } from "./hash-audit-row";
import { GENESIS_HASH, type ChainedAuditRow, type ChainVerification } from "./types";

/**
 * Walks rows in ascending `seq` and names the first one that breaks the chain: its stored hash differs from
 * the recomputed one (the row was edited), its seq is not the previous + 1 (a row was deleted or rows were
 * renumbered), or its prevHash is not the previous row's hash (a row was edited and re-hashed, or reordered).
 * `from` lets a caller verify a window that starts mid-chain, anchored on the row before it.
 */
export function verifyAuditChain(
  rows: readonly ChainedAuditRow[],
  from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
): ChainVerification {
  let prevSeq = from.seq;
  let prevHash = from.hash;
  let checked = 0;
  for (const row of rows) {
    const broken = (reason: "hash-mismatch" | "prev-mismatch" | "gap"): ChainVerification => ({
      ok: false,
      checked,
      firstBroken: { seq: row.seq, id: row.id, reason },
    });
    if (row.seq === null || row.hash === null || row.hash !== hashAuditRow(row)) return broken("hash-mismatch");
    if (row.seq !== prevSeq + 1) return broken("gap");
    if (row.prevHash !== prevHash) return broken("prev-mismatch");
    prevSeq = row.seq;
    prevHash = row.hash;
    checked++;
  }
  return checked > 0 ? { ok: true, checked, lastHash: prevHash } : { ok: true, checked };
}
