// Helper process of `npm run bench:audit`: `full` verifies the chain and prints the result line; `seed` writes a
// valid chain of BENCH_ROWS rows (MAC'd, hashed, in 1000-row INSERTs), signs a checkpoint 100 rows behind the head,
// and times full vs incremental verification.
import { randomUUID } from "node:crypto";
import { buildAuditRow } from "../../lib/audit/append-audit-event";
import { getAuditKey } from "../../lib/audit/audit-key";
import { checkpointContext } from "../../lib/audit/checkpoint/checkpoint-sources";
import { createCheckpoint } from "../../lib/audit/checkpoint/create-checkpoint";
import { hashAuditRow } from "../../lib/audit/hash-audit-row";
import { macAuditRow } from "../../lib/audit/mac-audit-row";
import { GENESIS_HASH } from "../../lib/audit/types";
import { MAX_ROWS_PER_VIEW } from "../../lib/audit/run-audit-verification";
import { verifyStoredAuditChain } from "../../lib/audit/verify-stored-audit-chain";
import { db } from "../../lib/db";

const mode = process.env.BENCH_MODE ?? "full";

/** `withCheckpoints: false` is a server without a signing key (no checkpoint is ever signed). */
async function verify(kind: "full" | "incremental", opts: { withCheckpoints?: boolean; maxRows?: number } = {}) {
  const ctx = await checkpointContext();
  const t0 = performance.now();
  const r = await verifyStoredAuditChain({
    mode: kind,
    checkpoints: opts.withCheckpoints === false ? null : ctx,
    ...(ctx.key ? { macKeys: new Map([[ctx.key.keyId, ctx.key.macKey]]) } : {}),
    ...(opts.maxRows !== undefined ? { maxRows: opts.maxRows } : {}),
  });
  return { r, ms: performance.now() - t0 };
}

try {
  if (mode === "full") {
    const { r, ms } = await verify("full");
    console.log(`full verification: ${r.ok ? "intact" : `BROKEN ${JSON.stringify(r.firstBroken)}`}, ${r.checked} rows in ${(ms / 1000).toFixed(2)} s`);
  } else {
    const n = Number(process.env.BENCH_ROWS ?? 100_000);
    const key = (await getAuditKey())!;
    let prevHash = GENESIS_HASH;
    const t0 = performance.now();
    for (let from = 1; from <= n; from += 1000) {
      const batch = [];
      for (let seq = from; seq < Math.min(n + 1, from + 1000); seq++) {
        if (seq === n - 99) {
          // the checkpoint sits 100 rows behind the head
          await db.auditEvent.createMany({ data: batch });
          batch.length = 0;
          await createCheckpoint();
        }
        const row = buildAuditRow({ action: "approval.decision", actorId: `oidc:u${seq % 50}`, repository: `local/bench/r${seq % 20}`, details: { seq } }, randomUUID(), new Date(Date.UTC(2026, 0, 1) + seq));
        const hash = hashAuditRow({ ...row, seq, prevHash });
        batch.push({ ...row, details: row.details as object, seq, prevHash, hash, mac: macAuditRow(key.keyId, key.macKey, row) });
        prevHash = hash;
      }
      if (batch.length) await db.auditEvent.createMany({ data: batch });
    }
    console.log(`seeded ${n} chained rows in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const full = await verify("full");
    const inc = await verify("incremental");
    // a page view without any signed checkpoint: before, the whole chain (as `full`); now the newest MAX_ROWS_PER_VIEW rows
    const unbounded = await verify("incremental", { withCheckpoints: false });
    const bounded = await verify("incremental", { withCheckpoints: false, maxRows: MAX_ROWS_PER_VIEW });
    console.log(
      `page view without a signed checkpoint: unbounded ${(unbounded.ms / 1000).toFixed(2)} s (${unbounded.r.checked} rows, baseline), bounded ${bounded.ms.toFixed(0)} ms (${bounded.r.checked} rows re-hashed, ${bounded.r.unchecked ?? 0} left to the full verification, ${bounded.r.ok ? "intact" : "BROKEN"}) → ${(unbounded.ms / bounded.ms).toFixed(1)}× less work per view`,
    );
    console.log(`verification of ${n} rows: full ${(full.ms / 1000).toFixed(2)} s (${full.r.checked} rows, ${full.r.ok ? "intact" : "BROKEN"}), incremental ${inc.ms.toFixed(0)} ms (checkpoint #${inc.r.checkpoint?.seq}, ${inc.r.checked} rows read, ${inc.r.ok ? "intact" : "BROKEN"}) → ${(full.ms / inc.ms).toFixed(0)}× faster`);
  }
} finally {
  await db.$disconnect();
}
