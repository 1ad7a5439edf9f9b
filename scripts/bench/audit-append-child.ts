// One appender process of `npm run bench:audit`: waits for the common start time, then appends COUNT rows with
// CONCURRENCY in flight through the real recordAuditEvent, and prints its own timings as one JSON line.
import { sealSoon } from "../../lib/audit/audit-chainer";
import { recordAuditEvent } from "../../lib/audit/record-audit-event";
import { db } from "../../lib/db";

const count = Number(process.env.BENCH_COUNT ?? 500);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 8);
const startAt = Number(process.env.BENCH_START_AT ?? Date.now());
const id = process.env.BENCH_ID ?? "0";

await db.$queryRawUnsafe("SELECT 1");
await new Promise((r) => setTimeout(r, Math.max(0, startAt - Date.now())));
const t0 = Date.now();
let next = 0;
let failed = 0;
const latencies: number[] = [];
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const s = performance.now();
      const r = await recordAuditEvent({ action: "approval.decision", actorId: `bench:${id}`, repository: "local/bench/repo", details: { i } });
      latencies.push(performance.now() - s);
      if (!r) failed++;
    }
  }),
);
const t1 = Date.now();
// what a graceful shutdown does: seal what this process appended before exiting
await sealSoon();
await db.$disconnect();
console.log(JSON.stringify({ id, count, failed, start: t0, end: t1, latencies }));
