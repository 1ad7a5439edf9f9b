// Signed checkpoints against a real SQLite database and a real checkpoint file: what finding 4 of issue 10 showed
// (deleting the last rows, editing a row and re-hashing everything after it) is reported with sequence numbers, by
// the server and by `npm run audit:verify` — also offline, with only Kitgate's public key and the checkpoint file.
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import { createPublicKey } from "node:crypto";
import { appendFileSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";
import { writeAuditConfig, type AuditTestConfig } from "@/test/support/audit/write-audit-config";
import { hashAuditRow } from "./hash-audit-row";
import { GENESIS_HASH } from "./types";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

let database: ReturnType<typeof createSqliteDb>;
let config: AuditTestConfig;
let recordAuditEvent: typeof import("./record-audit-event").recordAuditEvent;
let createCheckpoint: typeof import("./checkpoint/create-checkpoint").createCheckpoint;
let runAuditVerification: typeof import("./run-audit-verification").runAuditVerification;
let openCheckpoint: typeof import("./checkpoint/checkpoint-statement").openCheckpoint;
let db: typeof import("@/lib/db").db;

type RawRow = Record<string, unknown> & { id: string; seq: number };

function raw<T>(fn: (sql: Database.Database) => T): T {
  const sql = new Database(database.file);
  try {
    return fn(sql);
  } finally {
    sql.close();
  }
}

async function append(n: number): Promise<void> {
  for (let i = 0; i < n; i++) {
    await recordAuditEvent({ action: "approval.decision", actorId: `oidc:u${i}`, actorName: `User ${i}`, repository: "local/demo/fraud-detection", details: { i } });
  }
}

async function auditVerify(...args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run("npm", ["run", "-s", "audit:verify", "--", ...args], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url } });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

/** What an attacker with SQL access does after editing a row: recompute every hash from `fromSeq` on (without the MAC key). */
async function rehashFrom(fromSeq: number): Promise<void> {
  const rows = await db.auditEvent.findMany({ where: { seq: { gte: fromSeq } }, orderBy: { seq: "asc" } });
  let prevHash = fromSeq === 1 ? GENESIS_HASH : (await db.auditEvent.findUnique({ where: { seq: fromSeq - 1 } }))!.hash!;
  raw((sql) => {
    const update = sql.prepare(`UPDATE "AuditEvent" SET "prevHash" = ?, "hash" = ? WHERE id = ?`);
    for (const r of rows) {
      const hash = hashAuditRow({ ...r, prevHash, details: r.details ?? null });
      update.run(prevHash, hash, r.id);
      prevHash = hash;
    }
  });
}

function snapshot(): { events: RawRow[]; checkpoints: Record<string, unknown>[] } {
  return raw((sql) => ({
    events: sql.prepare(`SELECT * FROM "AuditEvent" WHERE seq IS NOT NULL ORDER BY seq`).all() as RawRow[],
    checkpoints: sql.prepare(`SELECT * FROM "AuditCheckpoint"`).all() as Record<string, unknown>[],
  }));
}

function restore(snap: ReturnType<typeof snapshot>): void {
  raw((sql) => {
    sql.exec(`DELETE FROM "AuditEvent" WHERE seq IS NOT NULL; DELETE FROM "AuditCheckpoint";`);
    for (const [table, rows] of [["AuditEvent", snap.events], ["AuditCheckpoint", snap.checkpoints]] as const) {
      for (const r of rows) {
        const cols = Object.keys(r);
        sql.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`).run(...cols.map((c) => r[c]));
      }
    }
  });
}

const verify = (mode: "full" | "incremental" = "incremental") => runAuditVerification({ mode, background: false });

beforeAll(async () => {
  database = createSqliteDb();
  config = writeAuditConfig({ signingKey: true, checkpointFile: true });
  process.env.DATABASE_URL = database.url;
  process.env.KITGATE_CONFIG = config.configPath;
  ({ recordAuditEvent } = await import("./record-audit-event"));
  ({ createCheckpoint } = await import("./checkpoint/create-checkpoint"));
  ({ runAuditVerification } = await import("./run-audit-verification"));
  ({ openCheckpoint } = await import("./checkpoint/checkpoint-statement"));
  ({ db } = await import("@/lib/db"));
});

afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
  config?.cleanup();
});

describe("signed audit checkpoints on SQLite", () => {
  it("signs checkpoints at the head, linked to each other, in the database and the append-only file", async () => {
    const publicKey = createPublicKey(readFileSync(config.publicKeyFile));
    const signed: number[] = [];
    for (const n of [5, 15, 10, 5]) {
      await append(n);
      const out = await createCheckpoint();
      expect(out.warnings).toEqual([]);
      expect(out.published).toEqual([`file:${out.checkpoint!.seq}`]);
      signed.push(out.checkpoint!.seq);
    }
    expect(signed).toEqual([5, 20, 30, 35]);
    expect(await createCheckpoint()).toMatchObject({ checkpoint: null, skipped: "nothing new since checkpoint #35" });

    const lines = readFileSync(config.checkpointFile, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { seq: number; digest: string; envelope: unknown });
    expect(lines.map((l) => l.seq)).toEqual([5, 20, 30, 35]);
    const opened = lines.map((l) => openCheckpoint(JSON.stringify(l.envelope), [{ keyId: "kitgate", key: publicKey }]));
    expect(opened.every((o) => o.ok)).toBe(true);
    const cps = opened.map((o) => (o.ok ? o.checkpoint : null)!);
    expect(cps[0]!.previous).toBeNull();
    expect(cps[1]!.previous).toEqual({ seq: 5, hash: cps[0]!.hash, digest: lines[0]!.digest });
    expect(cps[3]!.hash).toBe((await db.auditEvent.findUnique({ where: { seq: 35 } }))!.hash);
    expect(cps.every((c) => c.chain === cps[0]!.chain)).toBe(true);
    // a forged line (wrong key) in the file is ignored, not trusted
    const forged = { ...(lines[3]!.envelope as object), signatures: [{ keyid: "x", sig: Buffer.alloc(64, 1).toString("base64") }] };

    appendFileSync(config.checkpointFile, `${JSON.stringify({ seq: 999, envelope: forged })}\nnot json\n`);
    expect((await verify()).checkpoint?.seq).toBe(35);
  });

  it("incremental verification reads the newest checkpoint's row and only the rows after it", async () => {
    await append(3);
    const result = await verify();
    expect(result).toMatchObject({ ok: true, mode: "incremental", checked: 4, head: { seq: 38 }, checkpoint: { seq: 35 } });
    expect(result.checkpoint!.sources.sort()).toEqual(["database", "file"]);
    const full = await verify("full");
    expect(full).toMatchObject({ ok: true, mode: "full", checked: 38 });
    expect((await createCheckpoint()).checkpoint?.seq).toBe(38);
  });

  it("deleting the last 5 rows — and the checkpoints in the database — is reported as truncation of seq 34–38", async () => {
    const before = snapshot();
    raw((sql) => sql.exec(`DELETE FROM "AuditEvent" WHERE seq > 33; DELETE FROM "AuditCheckpoint" WHERE seq > 30;`));
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.findings).toEqual([expect.objectContaining({ reason: "truncated", seq: 34, toSeq: 38 })]);
    expect(result.checkpoint).toMatchObject({ seq: 38, sources: ["file"] });
    const cli = await auditVerify();
    expect(cli.code).toBe(1);
    expect(cli.out).toContain("audit chain BROKEN at seq 34-38: truncated: rows 34–38 are missing");
    restore(before);
    expect((await verify()).ok).toBe(true);
  });

  it("editing row 7 and re-hashing every row after it is named exactly (MAC), and offline to the checkpoint range 6–20", async () => {
    const before = snapshot();
    raw((sql) => sql.prepare(`UPDATE "AuditEvent" SET details = ? WHERE seq = 7`).run(JSON.stringify({ i: 999, comment: "rubber-stamped" })));
    await rehashFrom(7);
    // the rows alone still chain: this is what used to verify "intact"
    const { verifyStoredAuditChain } = await import("./verify-stored-audit-chain");
    expect((await verifyStoredAuditChain()).ok).toBe(true);

    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.firstBroken).toMatchObject({ seq: 7, reason: "mac-mismatch" });
    const server = await auditVerify();
    expect(server.code).toBe(1);
    expect(server.out).toMatch(/audit chain BROKEN at seq 7 id \S+: mac-mismatch/);

    const offline = await auditVerify("--public-key", config.publicKeyFile, "--checkpoints", config.checkpointFile, "--no-database-checkpoints");
    expect(offline.code).toBe(1);
    expect(offline.out).toContain("audit chain BROKEN at seq 6-20");
    expect(offline.out).toContain("rewritten");
    restore(before);
    expect((await verify()).ok).toBe(true);
  });

  it("a tampered chain is never signed", async () => {
    const before = snapshot();
    raw((sql) => sql.prepare(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = 37`).run());
    await rehashFrom(37);
    await append(2);
    expect(await createCheckpoint()).toMatchObject({ checkpoint: null, skipped: "not signed: row 38 no longer matches checkpoint #38" });
    raw((sql) => sql.exec(`DELETE FROM "AuditEvent" WHERE seq > 38`));
    restore(before);
  });

  it("an edit of a sealed row that leaves its hash alone is found by the full verification", async () => {
    const before = snapshot();
    raw((sql) => sql.prepare(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = 12`).run());
    const full = await verify("full");
    expect(full.ok).toBe(false);
    expect(full.firstBroken).toMatchObject({ seq: 12, reason: "hash-mismatch" });
    restore(before);
  });

  it("a row inserted with raw SQL (no valid MAC) is never chained and is reported", async () => {
    const insert = (id: string, at: number, mac: string | null) =>
      raw((sql) => sql.prepare(`INSERT INTO "AuditEvent" (id, at, action, actorId, mac) VALUES (?, ?, 'approval.decision', 'oidc:mallory', ?)`).run(id, at, mac));
    const { keyIdOf } = await import("./checkpoint/checkpoint-sources");
    insert("forged-mac", Date.now(), `${keyIdOf(readFileSync(config.publicKeyFile))}:${"00".repeat(32)}`);
    insert("no-mac", Date.now(), null);
    // a made-up key id passes for another replica's row only for a while
    insert("foreign-key", Date.now() - 10 * 60_000, "abcd:00");
    await append(1);
    const rows = await db.auditEvent.findMany({ where: { id: { in: ["forged-mac", "no-mac", "foreign-key"] } }, select: { seq: true } });
    expect(rows.map((r) => r.seq)).toEqual([null, null, null]);
    const result = await verify();
    expect(result.ok).toBe(false);
    expect(result.findings!.map((f) => [f.reason, f.seq, f.id]).sort()).toEqual([
      ["unsealed", null, "foreign-key"],
      ["unsealed", null, "forged-mac"],
      ["unsealed", null, "no-mac"],
    ]);
    raw((sql) => sql.prepare(`DELETE FROM "AuditEvent" WHERE seq IS NULL`).run());
    expect((await verify()).ok).toBe(true);
  });
});
