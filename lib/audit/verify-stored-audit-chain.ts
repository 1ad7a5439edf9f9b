import "server-only";
import { db } from "@/lib/db";
import type { AuditTx } from "./audit-tx";
import { verifyAuditChain } from "./verify-audit-chain";
import { GENESIS_HASH, type ChainVerification } from "./types";

/** Rows are verified in pages so a chain of millions never sits in memory at once. */
const VERIFY_PAGE_ROWS = 2_000;

/**
 * Verifies the whole stored chain, oldest first, page by page (each page anchored on the last row of the
 * previous one). A row with no seq is reported too once a chain exists: every writer chains its rows, so an
 * unchained row can only have been inserted behind the app's back.
 */
export async function verifyStoredAuditChain(client: AuditTx = db): Promise<ChainVerification> {
  let anchor = { seq: 0, hash: GENESIS_HASH };
  let checked = 0;
  for (;;) {
    const rows = await client.auditEvent.findMany({
      where: { seq: { gt: anchor.seq } },
      orderBy: { seq: "asc" },
      take: VERIFY_PAGE_ROWS,
    });
    if (rows.length === 0) break;
    const page = verifyAuditChain(rows, anchor);
    checked += page.checked;
    if (!page.ok) return { ...page, checked };
    anchor = { seq: rows.at(-1)!.seq!, hash: rows.at(-1)!.hash! };
  }
  if (checked > 0) {
    const stray = await client.auditEvent.findFirst({ where: { seq: null }, orderBy: { at: "asc" }, select: { id: true } });
    if (stray) return { ok: false, checked, firstBroken: { seq: null, id: stray.id, reason: "hash-mismatch" } };
  }
  return checked > 0 ? { ok: true, checked, lastHash: anchor.hash } : { ok: true, checked };
}
