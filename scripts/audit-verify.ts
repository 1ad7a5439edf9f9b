// `npm run audit:verify`: recomputes the audit hash chain in DATABASE_URL and names the first broken row.
// Exit 0 = intact, 1 = broken (or unreadable). Run with the react-server condition so `server-only` imports load.
import { verifyStoredAuditChain } from "../lib/audit/verify-stored-audit-chain";
import { db } from "../lib/db";

const REASONS = {
  "hash-mismatch": "its stored hash does not match its content (edited, or inserted outside Kitgate)",
  "prev-mismatch": "its prevHash is not the previous row's hash (a row before it was edited and re-hashed, or rows were moved)",
  gap: "its seq does not follow the previous row's (rows were deleted or renumbered)",
} as const;

try {
  const result = await verifyStoredAuditChain();
  if (result.ok) {
    console.log(`audit chain intact: ${result.checked} rows${result.lastHash ? `, last hash ${result.lastHash}` : ""}`);
  } else {
    const b = result.firstBroken!;
    console.log(`audit chain BROKEN at seq ${b.seq ?? "(none)"} id ${b.id}: ${b.reason}: ${REASONS[b.reason]}`);
    console.log(`${result.checked} rows before it verified`);
    process.exitCode = 1;
  }
} catch (error) {
  console.error("audit:verify failed:", (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
