import "server-only";
import type { AuditTx } from "./audit-tx";
import { verifyAuditChain, type ChainWalkOptions } from "./verify-audit-chain";
import type { ChainVerification } from "./types";

/** Rows are verified in pages so a chain of millions never sits in memory at once. */
const VERIFY_PAGE_ROWS = 2_000;

/**
 * Walks the stored rows after `anchor` (the row before them, trusted) up to `toSeq` (inclusive; the head when
 * absent), page by page, each page anchored on the last row of the previous one.
 */
export async function walkStoredRows(
  client: AuditTx,
  anchor: { seq: number; hash: string },
  opts: ChainWalkOptions & { toSeq?: number } = {},
): Promise<ChainVerification & { last: { seq: number; hash: string } }> {
  let last = anchor;
  let checked = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: { seq: opts.toSeq === undefined ? { gt: last.seq } : { gt: last.seq, lte: opts.toSeq } },
      orderBy: { seq: "asc" },
      take: VERIFY_PAGE_ROWS,
    });
    if (rows.length === 0) break;
    const page = verifyAuditChain(
      rows.map((r) => ({ ...r, details: r.details ?? null })),
      last,
      opts,
    );
    checked += page.checked;
    if (!page.ok) return { ...page, checked, last };
    last = { seq: rows.at(-1)!.seq!, hash: rows.at(-1)!.hash! };
    if (rows.length < VERIFY_PAGE_ROWS) break;
  }
  return { ok: true, checked, ...(checked > 0 ? { lastHash: last.hash } : {}), last };
}
