// Item 9 of issue 12: a page view's verification does bounded work however long the chain is. With a signed
// checkpoint it re-hashes at most `maxRows` rows after it; without one (no signing key, or none signed yet) it checks
// the newest `maxRows` rows against each other instead of walking the whole chain, and says what it left out.
// Real SQLite, real appends through recordAuditEvent, edits made with SQL as an attacker would.
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";
import { writeAuditConfig, type AuditTestConfig } from "@/test/support/audit/write-audit-config";

let database: ReturnType<typeof createSqliteDb>;
let config: AuditTestConfig;
let recordAuditEvent: typeof import("./record-audit-event").recordAuditEvent;
let createCheckpoint: typeof import("./checkpoint/create-checkpoint").createCheckpoint;
let checkpointContext: typeof import("./checkpoint/checkpoint-sources").checkpointContext;
let verifyStoredAuditChain: typeof import("./verify-stored-audit-chain").verifyStoredAuditChain;
let runAuditVerification: typeof import("./run-audit-verification").runAuditVerification;
let db: typeof import("@/lib/db").db;

async function append(n: number): Promise<void> {
  for (let i = 0; i < n; i++) await recordAuditEvent({ action: "approval.decision", actorId: `oidc:u${i}`, repository: "local/demo/fraud-detection", details: { i } });
}

/** Edits one row's details with SQL (no re-hash), runs `fn`, puts the row back. */
async function withEditedRow<T>(seq: number, fn: () => Promise<T>): Promise<T> {
  const sql = new Database(database.file);
  const { details } = sql.prepare(`SELECT details FROM "AuditEvent" WHERE seq = ?`).get(seq) as { details: string };
  sql.prepare(`UPDATE "AuditEvent" SET details = ? WHERE seq = ?`).run(JSON.stringify({ i: -1 }), seq);
  try {
    return await fn();
  } finally {
    sql.prepare(`UPDATE "AuditEvent" SET details = ? WHERE seq = ?`).run(details, seq);
    sql.close();
  }
}

beforeAll(async () => {
  database = createSqliteDb();
  config = writeAuditConfig({ signingKey: true, checkpointFile: true });
  process.env.DATABASE_URL = database.url;
  process.env.KITGATE_CONFIG = config.configPath;
  ({ recordAuditEvent } = await import("./record-audit-event"));
  ({ createCheckpoint } = await import("./checkpoint/create-checkpoint"));
  ({ checkpointContext } = await import("./checkpoint/checkpoint-sources"));
  ({ verifyStoredAuditChain } = await import("./verify-stored-audit-chain"));
  ({ runAuditVerification } = await import("./run-audit-verification"));
  ({ db } = await import("@/lib/db"));
  await append(120);
});

afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
  config?.cleanup();
});

describe("bounded verification per view", () => {
  it("without a signed checkpoint re-hashes only the newest rows, and says how many it left out", async () => {
    const unbounded = await verifyStoredAuditChain({ mode: "incremental", checkpoints: null });
    expect(unbounded).toMatchObject({ ok: true, mode: "full", checked: 120 });
    const bounded = await verifyStoredAuditChain({ mode: "incremental", checkpoints: null, maxRows: 50 });
    expect(bounded).toMatchObject({ ok: true, mode: "incremental", checked: 50, unchecked: 70, head: { seq: 120 } });
    expect(bounded.warnings).toEqual([expect.stringContaining("no signed checkpoint: this view re-hashed only the newest 50 rows")]);
  });

  it("finds an edited row inside its window; one before the window is left to the full verification", async () => {
    const inside = await withEditedRow(100, () => verifyStoredAuditChain({ mode: "incremental", checkpoints: null, maxRows: 50 }));
    expect(inside).toMatchObject({ ok: false, firstBroken: { seq: 100, reason: "hash-mismatch" } });
    await withEditedRow(10, async () => {
      expect(await verifyStoredAuditChain({ mode: "incremental", checkpoints: null, maxRows: 50 })).toMatchObject({ ok: true, unchecked: 70 });
      expect(await verifyStoredAuditChain({ mode: "full", checkpoints: null, maxRows: 50 })).toMatchObject({ ok: false, firstBroken: { seq: 10 } });
    });
  });

  it("with a checkpoint far behind the head re-hashes the rows after it up to the bound", async () => {
    expect((await createCheckpoint()).checkpoint?.seq).toBe(120);
    await append(80);
    const ctx = await checkpointContext();
    const macKeys = new Map([[ctx.key!.keyId, ctx.key!.macKey]]);
    const bounded = await verifyStoredAuditChain({ mode: "incremental", checkpoints: ctx, macKeys, maxRows: 50 });
    // the checkpoint's own row, then 50 after it; the newest 30 wait for the next checkpoint
    expect(bounded).toMatchObject({ ok: true, mode: "incremental", checked: 51, unchecked: 30, checkpoint: { seq: 120 }, head: { seq: 200 } });
    expect(bounded.warnings).toEqual(expect.arrayContaining([expect.stringContaining("the newest checkpoint (#120) is 80 rows behind the head")]));
    const edited = await withEditedRow(150, () => verifyStoredAuditChain({ mode: "incremental", checkpoints: ctx, macKeys, maxRows: 50 }));
    expect(edited).toMatchObject({ ok: false, firstBroken: { seq: 150 } });
  });

  it("as the server runs it, a normal tail is verified whole (the bound only cuts off runaway tails)", async () => {
    const result = await runAuditVerification({ mode: "incremental", background: false });
    expect(result).toMatchObject({ ok: true, mode: "incremental", checked: 81, checkpoint: { seq: 120 } });
    expect(result.unchecked).toBeUndefined();
  });
});
