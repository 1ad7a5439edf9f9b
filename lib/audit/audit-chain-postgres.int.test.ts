// The hash chain on a real PostgreSQL cluster: concurrent appends serialised by the advisory lock, jsonb (which
// reorders keys) still verifying, the caller's transaction, and tampering with raw SQL named by audit:verify.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres } from "@/test/support/audit/start-postgres";

const ROOT = path.resolve(import.meta.dirname, "../..");
const run = promisify(execFile);

let cluster: Awaited<ReturnType<typeof startPostgres>>;
let recordAuditEvent: typeof import("./record-audit-event").recordAuditEvent;
let verifyStoredAuditChain: typeof import("./verify-stored-audit-chain").verifyStoredAuditChain;
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

beforeAll(async () => {
  cluster = await startPostgres();
  process.env.DATABASE_URL = cluster.url;
  ({ recordAuditEvent } = await import("./record-audit-event"));
  ({ verifyStoredAuditChain } = await import("./verify-stored-audit-chain"));
  ({ db } = await import("@/lib/db"));
}, 120_000);

afterAll(async () => {
  try {
    await db?.$disconnect();
  } finally {
    cluster?.stop();
  }
});

describe("audit hash chain on PostgreSQL", () => {
  it("100 parallel appends leave one intact chain with no duplicate seq", async () => {
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        recordAuditEvent({ action: "approval.decision", actorId: `oidc:u${i}`, repository: "local/demo/fraud-detection", details: { zeta: i, alpha: { y: 1, b: [true, null] } } }),
      ),
    );
    expect(results.every((r) => r !== null)).toBe(true);
    const rows = await sql(`SELECT seq FROM "AuditEvent" ORDER BY seq`);
    expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(await verifyStoredAuditChain()).toMatchObject({ ok: true, checked: 100 });
  });

  it("appends inside the caller's transaction and rolls back with it", async () => {
    await expect(
      db.$transaction(async (tx) => {
        await recordAuditEvent({ action: "approval.transition", actorId: "oidc:x" }, tx);
        throw new Error("refused");
      }),
    ).rejects.toThrow("refused");
    const ok = await db.$transaction((tx) => recordAuditEvent({ action: "approval.transition", actorId: "oidc:x" }, tx));
    expect(ok?.seq).toBe(101);
    expect((await verifyStoredAuditChain()).ok).toBe(true);
  });

  it("an edited actor (raw SQL) is named by npm run audit:verify", async () => {
    const [victim] = await sql(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = 42 RETURNING id`);
    const result = await run("npm", ["run", "-s", "audit:verify"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: cluster.url } }).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );
    expect(result.code).toBe(1);
    expect(result.out).toContain(`BROKEN at seq 42 id ${victim.id}: hash-mismatch`);
  });
});
