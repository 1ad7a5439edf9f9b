// The hash chain against a real SQLite database: concurrent appends, legacy rows, the caller's transaction,
// and tampering with raw SQL caught by `npm run audit:verify` run as its own process.
import Database from "better-sqlite3";
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";
import { writeAuditConfig, type AuditTestConfig } from "@/test/support/audit/write-audit-config";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

let database: ReturnType<typeof createSqliteDb>;
let config: AuditTestConfig;
let recordAuditEvent: typeof import("./record-audit-event").recordAuditEvent;
let verifyStoredAuditChain: typeof import("./verify-stored-audit-chain").verifyStoredAuditChain;
let db: typeof import("@/lib/db").db;

beforeAll(async () => {
  database = createSqliteDb();
  // legacy rows written before the chain existed (seq/hash null), to be chained on the first append
  const raw = new Database(database.file);
  const insert = raw.prepare(`INSERT INTO "AuditEvent" (id, at, action, actorId, actorName) VALUES (?, ?, ?, ?, ?)`);
  insert.run("legacy-2", Date.UTC(2026, 0, 2), "auth.sign-in", "local:ada", "Ada");
  insert.run("legacy-1", Date.UTC(2026, 0, 1), "auth.sign-in", "local:mia", "Mia");
  raw.close();
  process.env.DATABASE_URL = database.url;
  // no signing key: rows are chained inline without MACs, as before checkpoints existed (audit-checkpoints.int.test.ts has the keyed chain)
  config = writeAuditConfig({ signingKey: false });
  process.env.KITGATE_CONFIG = config.configPath;
  ({ recordAuditEvent } = await import("./record-audit-event"));
  ({ verifyStoredAuditChain } = await import("./verify-stored-audit-chain"));
  ({ db } = await import("@/lib/db"));
});

afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
  config?.cleanup();
});

async function auditVerify(): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run("npm", ["run", "-s", "audit:verify"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: database.url } });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

describe("audit hash chain on SQLite", () => {
  it("chains legacy rows in time order on the first append", async () => {
    const appended = await recordAuditEvent({ action: "auth.sign-in", actorId: "local:dana", actorName: "Dana", details: { method: "password" } });
    expect(appended?.seq).toBe(3);
    const rows = await db.auditEvent.findMany({ orderBy: { seq: "asc" }, select: { id: true, seq: true } });
    expect(rows).toEqual([
      { id: "legacy-1", seq: 1 },
      { id: "legacy-2", seq: 2 },
      { id: appended!.id, seq: 3 },
    ]);
    expect(await verifyStoredAuditChain()).toMatchObject({ ok: true, checked: 3 });
  });

  it("100 parallel appends leave one intact chain with no duplicate seq", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        recordAuditEvent({ action: "approval.decision", actorId: `oidc:u${i}`, repository: "local/demo/fraud-detection", environment: "production", details: { i } }),
      ),
    );
    expect(results.every((r) => r !== null)).toBe(true);
    const seqs = (await db.auditEvent.findMany({ select: { seq: true } })).map((r) => r.seq);
    expect(new Set(seqs).size).toBe(103);
    expect(Math.max(...(seqs as number[]))).toBe(103);
    expect(await verifyStoredAuditChain()).toMatchObject({ ok: true, checked: 103 });
  });

  it("writes inside the caller's transaction: a rollback leaves no row and no hole", async () => {
    const before = await db.auditEvent.count();
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent({ action: "approval.transition", actorId: "oidc:x", details: { to: "approved" } }, tx);
        throw new Error("transition refused");
      }),
    ).rejects.toThrow("transition refused");
    expect(await db.auditEvent.count()).toBe(before);
    const ok = await db.$transaction((tx) => recordAuditEvent({ action: "approval.transition", actorId: "oidc:x" }, tx));
    expect(ok?.seq).toBe(before + 1);
    expect((await verifyStoredAuditChain()).ok).toBe(true);
  });

  it("npm run audit:verify passes on the intact chain", async () => {
    const { code, out } = await auditVerify();
    expect(code).toBe(0);
    expect(out).toContain("audit chain intact: 104 rows (full verification, 104 rows recomputed)");
  });

  it("an edited row (raw SQL) is named by audit:verify and the API-side check", async () => {
    const raw = new Database(database.file);
    const victim = raw.prepare(`SELECT id, details FROM "AuditEvent" WHERE seq = 50`).get() as { id: string; details: string };
    raw.prepare(`UPDATE "AuditEvent" SET details = ? WHERE seq = 50`).run(JSON.stringify({ i: 999 }));
    raw.close();
    const { code, out } = await auditVerify();
    expect(code).toBe(1);
    expect(out).toContain(`BROKEN at seq 50 id ${victim.id}: hash-mismatch`);
    expect(await verifyStoredAuditChain()).toMatchObject({ ok: false, checked: 49, firstBroken: { seq: 50, id: victim.id, reason: "hash-mismatch" } });
    const restore = new Database(database.file);
    restore.prepare(`UPDATE "AuditEvent" SET details = ? WHERE seq = 50`).run(victim.details);
    restore.close();
    expect((await verifyStoredAuditChain()).ok).toBe(true);
  });

  it("a row inserted behind the app's back is reported, not chained by the next append", async () => {
    const raw = new Database(database.file);
    raw.prepare(`INSERT INTO "AuditEvent" (id, at, action, actorId) VALUES ('forged', ?, 'approval.decision', 'oidc:mallory')`).run(Date.now());
    raw.close();
    await recordAuditEvent({ action: "auth.sign-in", actorId: "local:dana" });
    expect((await db.auditEvent.findUnique({ where: { id: "forged" } }))?.seq).toBeNull();
    expect(await verifyStoredAuditChain()).toMatchObject({ ok: false, firstBroken: { id: "forged", seq: null, reason: "unsealed" } });
    const cleanup = new Database(database.file);
    cleanup.prepare(`DELETE FROM "AuditEvent" WHERE id = 'forged'`).run();
    cleanup.close();
    expect((await verifyStoredAuditChain()).ok).toBe(true);
  });

  it("a deleted row (raw SQL) is named as a gap at the row after it", async () => {
    const raw = new Database(database.file);
    raw.prepare(`DELETE FROM "AuditEvent" WHERE seq = 20`).run();
    const next = raw.prepare(`SELECT id FROM "AuditEvent" WHERE seq = 21`).get() as { id: string };
    raw.close();
    const { code, out } = await auditVerify();
    expect(code).toBe(1);
    expect(out).toContain(`BROKEN at seq 21 id ${next.id}: gap`);
  });
});
