import { hashAuditRow } from "./hash-audit-row";
import { checkAuditRowMac, type MacKeys } from "./mac-audit-row";
import { GENESIS_HASH, type ChainBreakReason, type ChainedAuditRow, type ChainVerification } from "./types";

export interface ChainWalkOptions {
  /** MAC keys by key id: a row whose MAC was made with one of them must verify (names an edit exactly) */
  macKeys?: MacKeys;
  /** signed checkpoints by seq → the hash they sealed: a row hashing differently was rewritten after signing */
  checkpoints?: ReadonlyMap<number, string>;
}

/**
 * Walks rows in ascending `seq` and names the first one that breaks the chain: its stored hash differs from
 * the recomputed one (the row was edited), its seq is not the previous + 1 (a row was deleted or rows were
 * renumbered), its prevHash is not the previous row's hash (a row was edited and re-hashed, or reordered), its
 * MAC does not verify (edited by someone without Kitgate's key, even if every hash after it was recomputed), or it
 * is a checkpoint's row but no longer has the hash the checkpoint signed.
 * `from` lets a caller verify a window that starts mid-chain, anchored on the row before it.
 */
export function verifyAuditChain(
  rows: readonly ChainedAuditRow[],
  from: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH },
  opts: ChainWalkOptions = {},
): ChainVerification {
  let prevSeq = from.seq;
  let prevHash = from.hash;
  let checked = 0;
  for (const row of rows) {
    const broken = (reason: ChainBreakReason): ChainVerification => ({
      ok: false,
      checked,
      firstBroken: { seq: row.seq, id: row.id, reason },
    });
    if (row.seq === null || row.hash === null || row.hash !== hashAuditRow(row)) return broken("hash-mismatch");
    if (row.seq !== prevSeq + 1) return broken("gap");
    if (row.prevHash !== prevHash) return broken("prev-mismatch");
    if (opts.macKeys && checkAuditRowMac(opts.macKeys, row) === "mismatch") return broken("mac-mismatch");
    const sealed = opts.checkpoints?.get(row.seq);
    if (sealed !== undefined && sealed !== row.hash) return broken("rewritten");
    prevSeq = row.seq;
    prevHash = row.hash;
    checked++;
  }
  return checked > 0 ? { ok: true, checked, lastHash: prevHash } : { ok: true, checked };
}
