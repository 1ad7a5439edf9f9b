// The audit chain on a real PostgreSQL cluster. Without a signing key rows are chained inline under the advisory
// lock (as before checkpoints); with one they are inserted unsealed with their MAC and sealed by the chainer after
// commit — also when several processes append at once, when one of them is killed, and next to an inline appender.
// Tampering with raw SQL (the last 5 rows deleted; row 7 edited and every later hash recomputed; a row inserted
// unsealed) is reported by sequence number, by the server and by `npm run audit:verify`.
import { execFile, spawn } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres } from "@/test/support/audit/start-postgres";
import { writeAuditConfig, type AuditTestConfig } from "@/test/support/audit/write-audit-config";
import { hashAuditRow } from "./hash-audit-row";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

let cluster: Awaited<ReturnType<typeof startPostgres>>;
let inlineCfg: AuditTestConfig;
let keyedCfg: AuditTestConfig;
let recordAuditEvent: typeof import("./record-audit-event").recordAuditEvent;
let sealSoon: typeof import("./audit-chainer").sealSoon;
let createCheckpoint: typeof import("./checkpoint/create-checkpoint").createCheckpoint;
let runAuditVerification: typeof import("./run-audit-verification").runAuditVerification;
let db: typeof import("@/lib/db").db;

async function sql(text: string, values: unknown[] = []) {
  const c = new pg.Client({ connectionString: cluster.url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows;
  } finally {
    await c.end();
  }
}

const seqs = async () => (await sql(`SELECT seq FROM "AuditEvent" WHERE seq IS NOT NULL ORDER BY seq`)).map((r) => r.seq as number);
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
const verify = (mode: "full" | "incremental" = "incremental") => runAuditVerification({ mode, background: false });

function appender(cfg: AuditTestConfig, id: string, count: number): ReturnType<typeof spawn> {
  // node itself (not the tsx wrapper), so SIGKILL hits the process that appends
  return spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/bench/audit-append-child.ts"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: cluster.url, KITGATE_CONFIG: cfg.configPath, BENCH_COUNT: String(count), BENCH_CONCURRENCY: "8", BENCH_ID: id },
    stdio: ["ignore", "pipe", "pipe"],
  });
}

const exited = (child: ReturnType<typeof spawn>) => new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));

async function auditVerify(): Promise<{ code: number; out: string }> {
  return run("npm", ["run", "-s", "audit:verify"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: cluster.url, KITGATE_CONFIG: keyedCfg.configPath } }).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
}

beforeAll(async () => {
  cluster = await startPostgres();
  inlineCfg = writeAuditConfig({ signingKey: false });
  keyedCfg = writeAuditConfig({ signingKey: true, checkpointFile: true });
  process.env.DATABASE_URL = cluster.url;
  process.env.KITGATE_CONFIG = keyedCfg.configPath;
  ({ recordAuditEvent } = await import("./record-audit-event"));
  ({ sealSoon } = await import("./audit-chainer"));
  ({ createCheckpoint } = await import("./checkpoint/create-checkpoint"));
  ({ runAuditVerification } = await import("./run-audit-verification"));
  ({ db } = await import("@/lib/db"));
}, 120_000);

afterAll(async () => {
  try {
    await db?.$disconnect();
  } finally {
    cluster?.stop();
    inlineCfg?.cleanup();
    keyedCfg?.cleanup();
  }
});

describe("audit chain on PostgreSQL", () => {
  it("with a signing key: appends are unsealed inserts, sealed right after commit into one dense chain", async () => {
    const results = await Promise.all(range(200).map((i) => recordAuditEvent({ action: "auth.sign-in", actorId: `local:u${i}`, details: { i, nested: { b: 2, a: 1 } } })));
    expect(results.every((r) => r !== null && r.seq === null)).toBe(true);
    await sealSoon();
    expect(await seqs()).toEqual(range(200));
    const rows = await sql(`SELECT count(*)::int AS n, count(mac)::int AS maced FROM "AuditEvent"`);
    expect(rows[0]).toEqual({ n: 200, maced: 200 });
    expect(await verify("full")).toMatchObject({ ok: true, checked: 200 });
  });

  it("without a signing key: 100 parallel appends are chained inline after them, no duplicate seq, jsonb key order irrelevant", async () => {
    process.env.KITGATE_CONFIG = inlineCfg.configPath;
    const results = await Promise.all(
      range(100).map((i) =>
        recordAuditEvent({ action: "approval.decision", actorId: `oidc:u${i}`, repository: "local/demo/fraud-detection", details: { zeta: i, alpha: { y: 1, b: [true, null] } } }),
      ),
    );
    expect(results.every((r) => r !== null && r.seq !== null)).toBe(true);
    expect(await seqs()).toEqual(range(300));
    expect(await verify("full")).toMatchObject({ ok: true, checked: 300 });
    process.env.KITGATE_CONFIG = keyedCfg.configPath;
  });

  it("inside the caller's transaction: nothing on rollback; sealed shortly after commit without anyone asking", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent({ action: "approval.transition", actorId: "oidc:x" }, tx);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    const appended = await db.$transaction((tx) => recordAuditEvent({ action: "approval.transition", actorId: "oidc:x", details: { to: "approved" } }, tx));
    for (let i = 0; i < 100 && (await db.auditEvent.findUnique({ where: { id: appended!.id } }))?.seq == null; i++) await new Promise((r) => setTimeout(r, 50));
    expect((await db.auditEvent.findUnique({ where: { id: appended!.id } }))?.seq).toBe(301);
    expect(await db.auditEvent.count()).toBe(301);
  });

  it("4 processes (3 deferred, 1 inline) append at once, one deferred appender is killed mid-run: one intact chain", async () => {
    const children = [appender(keyedCfg, "a", 120), appender(keyedCfg, "b", 120), appender(inlineCfg, "c", 60)];
    const victim = appender(keyedCfg, "victim", 100_000);
    const done = Promise.all(children.map(exited));
    // kill -9 the victim once it has committed rows (some of them unsealed when it dies)
    const poll = new pg.Client({ connectionString: cluster.url });
    await poll.connect();
    for (let i = 0; i < 1200; i++) {
      const { rows } = await poll.query(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "actorId" = 'bench:victim'`);
      if (rows[0].n >= 50) break;
      await new Promise((res) => setTimeout(res, 25));
    }
    await poll.end();
    victim.kill("SIGKILL");
    await exited(victim);
    expect(await done).toEqual([0, 0, 0]);
    await sealSoon();
    const [counts] = await sql(`SELECT count(*)::int AS n, count(seq)::int AS sealed, count(DISTINCT seq)::int AS distinct_seq, max(seq) AS head FROM "AuditEvent"`);
    expect(counts!.n).toBeGreaterThanOrEqual(301 + 300 + 50);
    expect(counts).toMatchObject({ sealed: counts!.n, distinct_seq: counts!.n, head: counts!.n });
    expect(await verify("full")).toMatchObject({ ok: true, checked: counts!.n });
  }, 180_000);

  it("deleting the last 5 rows after a checkpoint is reported as truncation with their sequence numbers", async () => {
    const cp = await createCheckpoint();
    expect(cp.checkpoint).not.toBeNull();
    const head = cp.checkpoint!.seq;
    const saved = await sql(`SELECT * FROM "AuditEvent" WHERE seq > $1 - 5`, [head]);
    await sql(`DELETE FROM "AuditEvent" WHERE seq > $1 - 5`, [head]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ reason: "truncated", seq: head - 4, toSeq: head })]);
    const cli = await auditVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain(`audit chain BROKEN at seq ${head - 4}-${head}: truncated`);
    for (const r of saved) {
      const cols = Object.keys(r);
      await sql(`INSERT INTO "AuditEvent" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map((_, i) => `$${i + 1}`).join(", ")})`, cols.map((c) => (c === "details" && r[c] !== null ? JSON.stringify(r[c]) : r[c])));
    }
    expect((await verify()).ok).toBe(true);
  });

  it("editing row 7 and re-hashing every row after it is named exactly (row 7, MAC) by the server and audit:verify", async () => {
    await sql(`UPDATE "AuditEvent" SET details = '{"zeta": 999}' WHERE seq = 7`);
    const rows = await db.auditEvent.findMany({ where: { seq: { gte: 7 } }, orderBy: { seq: "asc" } });
    let prevHash = (await db.auditEvent.findUnique({ where: { seq: 6 } }))!.hash!;
    const updates: [string, string, string][] = [];
    for (const r of rows) {
      const hash = hashAuditRow({ ...r, prevHash, details: r.details ?? null });
      updates.push([r.id, prevHash, hash]);
      prevHash = hash;
    }
    await sql(
      `UPDATE "AuditEvent" AS a SET "prevHash" = v.p, hash = v.h FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, p, h) WHERE a.id = v.id`,
      [updates.map((u) => u[0]), updates.map((u) => u[1]), updates.map((u) => u[2])],
    );
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 7, reason: "mac-mismatch" });
    const cli = await auditVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toMatch(/audit chain BROKEN at seq 7 id \S+: mac-mismatch/);
  });

  it("a row inserted unsealed with raw SQL and a made-up MAC is never sealed by the chainer, and is reported", async () => {
    const { keyIdOf } = await import("./checkpoint/checkpoint-sources");
    const { readFileSync } = await import("node:fs");
    const mac = `${keyIdOf(readFileSync(keyedCfg.publicKeyFile))}:${"ab".repeat(32)}`;
    await sql(`INSERT INTO "AuditEvent" (id, at, action, "actorId", mac) VALUES ('forged', now(), 'approval.decision', 'oidc:mallory', $1)`, [mac]);
    await recordAuditEvent({ action: "auth.sign-in", actorId: "local:dana" });
    await sealSoon();
    expect((await db.auditEvent.findUnique({ where: { id: "forged" } }))?.seq).toBeNull();
    const result = await verify("full");
    expect(result.findings).toEqual(expect.arrayContaining([expect.objectContaining({ reason: "unsealed", seq: null, id: "forged" })]));
  });

  it("the audit page's visibility query (distinct repositories by index seeks) works on PostgreSQL", async () => {
    const { listAuditEvents } = await import("@/lib/data/list-audit-events");
    const viewer = { id: "local:vic", name: "Vic", kind: "user" as const, groups: [], access: { grants: [{ role: "viewer" as const, scope: "local/bench/*", via: "test" }] } };
    const page = await listAuditEvents(viewer, { limit: 20 });
    expect(page.items).toHaveLength(20);
    expect(page.items.every((r) => r.repository === "local/bench/repo")).toBe(true);
    expect(page.items.map((r) => r.seq)).toEqual([...page.items.map((r) => r.seq)].sort((a, b) => b! - a!));
  });
});
