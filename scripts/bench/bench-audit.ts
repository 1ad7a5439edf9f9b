/**
 * npm run bench:audit — audit appends per second on a throwaway PostgreSQL cluster (fsync on, as in production),
 * P processes × C appends in flight each, through the real recordAuditEvent. Baseline, measured in the same run:
 * inline sealing (no signing key: every append takes the chain lock until its transaction commits — the design
 * before checkpoints). Then: deferred sealing (signing key: rows are inserted with their MAC and no lock, the
 * chainer seals committed rows in batches). Both chains are verified afterwards. Finally the verification time for
 * BENCH_VERIFY_ROWS rows, full vs incremental from a checkpoint 100 rows behind the head. Prints, never asserts.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { startPostgres } from "../../test/support/audit/start-postgres";
import { writeAuditConfig } from "../../test/support/audit/write-audit-config";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PROCS = Number(process.env.BENCH_PROCS ?? 4);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const PER_PROC = Number(process.env.BENCH_COUNT ?? 1000);
const VERIFY_ROWS = Number(process.env.BENCH_VERIFY_ROWS ?? 100_000);

interface ChildResult {
  count: number;
  failed: number;
  start: number;
  end: number;
  latencies: number[];
}

const pct = (xs: number[], p: number) => xs.slice().sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] ?? 0;

function child(script: string, env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const c = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", script], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = "";
    let err = "";
    c.stdout.on("data", (d: Buffer) => (out += d));
    c.stderr.on("data", (d: Buffer) => (err += d));
    c.on("exit", (code) => (code === 0 ? resolve(out) : reject(new Error(`${script} exited ${code}:\n${err}`))));
  });
}

async function appendRun(url: string, configPath: string): Promise<{ rate: number; total: number; failed: number; p50: number; p99: number }> {
  const startAt = Date.now() + 5000; // every child connected and warm before the clock starts
  // The clock stops when the last row is sealed into the chain, not when the last INSERT returned.
  let sealedAt = 0;
  const expected = PROCS * PER_PROC;
  const watcher = (async () => {
    for (;;) {
      const [r] = await sql(url, `SELECT count(seq)::int AS sealed FROM "AuditEvent"`);
      if (r!.sealed >= expected) return (sealedAt = Date.now());
      await new Promise((res) => setTimeout(res, 20));
    }
  })();
  const outs = await Promise.all(
    Array.from({ length: PROCS }, (_, i) =>
      child("scripts/bench/audit-append-child.ts", {
        DATABASE_URL: url,
        KITGATE_CONFIG: configPath,
        BENCH_COUNT: String(PER_PROC),
        BENCH_CONCURRENCY: String(CONCURRENCY),
        BENCH_START_AT: String(startAt),
        BENCH_ID: String(i),
      }),
    ),
  );
  const rs = outs.map((o) => JSON.parse(o.trim().split("\n").at(-1)!) as ChildResult);
  await Promise.race([watcher, new Promise((res) => setTimeout(res, 30_000))]);
  const start = Math.min(...rs.map((r) => r.start));
  const end = sealedAt || Date.now();
  const failed = rs.reduce((a, r) => a + r.failed, 0);
  const total = rs.reduce((a, r) => a + r.count, 0) - failed;
  const lat = rs.flatMap((r) => r.latencies);
  return { rate: total / ((end - start) / 1000), total, failed, p50: pct(lat, 50), p99: pct(lat, 99) };
}

async function sql(url: string, text: string, values: unknown[] = []): Promise<pg.QueryResultRow[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows;
  } finally {
    await c.end();
  }
}

const cluster = await startPostgres({ fsync: true });
const inlineCfg = writeAuditConfig({ signingKey: false });
const deferredCfg = writeAuditConfig({ signingKey: true });
try {
  console.log(`PostgreSQL (fsync on), ${PROCS} processes × ${CONCURRENCY} in flight × ${PER_PROC} appends each; appends/s counts rows sealed into the chain`);
  console.log(`(p50/p99: latency of recordAuditEvent as the caller sees it)\n`);
  const results: Record<string, Awaited<ReturnType<typeof appendRun>> & { verify: string }> = {};
  for (const [name, cfg] of [
    ["inline (baseline: chain lock held to commit)", inlineCfg],
    ["deferred (MAC'd insert + batch chainer)", deferredCfg],
  ] as const) {
    await sql(cluster.url, `TRUNCATE "AuditEvent", "AuditCheckpoint"`);
    const r = await appendRun(cluster.url, cfg.configPath);
    const v = await child("scripts/bench/audit-verify-child.ts", { DATABASE_URL: cluster.url, KITGATE_CONFIG: cfg.configPath, BENCH_MODE: "full" });
    const rows = await sql(cluster.url, `SELECT count(*)::int AS n, count(seq)::int AS sealed, max(seq) AS head FROM "AuditEvent"`);
    results[name] = { ...r, verify: `${v.trim()}; rows ${rows[0]!.n}, sealed ${rows[0]!.sealed}, head ${rows[0]!.head}` };
  }
  const names = Object.keys(results);
  for (const n of names) {
    const r = results[n]!;
    console.log(`${n.padEnd(48)} ${r.rate.toFixed(0).padStart(6)} appends/s   p50 ${r.p50.toFixed(1)} ms  p99 ${r.p99.toFixed(1)} ms  failed ${r.failed}`);
    console.log(`${"".padEnd(48)} ${r.verify}`);
  }
  console.log(`\ndeferred / inline: ${(results[names[1]!]!.rate / results[names[0]!]!.rate).toFixed(2)}×  (issue 12 asks for ≥ 500 appends/s)\n`);

  // Verification at scale: a valid chain of VERIFY_ROWS rows written by the seeding child, a checkpoint 100 rows behind the head.
  await sql(cluster.url, `TRUNCATE "AuditEvent", "AuditCheckpoint"`);
  const seeded = await child("scripts/bench/audit-verify-child.ts", {
    DATABASE_URL: cluster.url,
    KITGATE_CONFIG: deferredCfg.configPath,
    BENCH_MODE: "seed",
    BENCH_ROWS: String(VERIFY_ROWS),
    BENCH_RUN: randomUUID(),
  });
  console.log(seeded.trim());
} finally {
  cluster.stop();
  inlineCfg.cleanup();
  deferredCfg.cleanup();
}
