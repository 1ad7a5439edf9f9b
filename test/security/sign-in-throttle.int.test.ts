// Red-team finding 6 (no sign-in throttling): two production servers on ONE database, as two replicas behind a
// load balancer, on SQLite and on PostgreSQL. Failures on either replica count towards one lockout.
import Database from "better-sqlite3";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startPostgres } from "../support/audit/start-postgres";
import { startKitgate, type RunningKitgate } from "../support/auth/start-kitgate";
import { sessionCookie, signInRequest, writeConfig } from "./security-fixture";

interface Store {
  query(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Seconds of lockout next-auth reports for a refused sign-in (`error=LockedOut-<s>` in its redirect URL), or 0. */
async function lockout(res: Response): Promise<number> {
  const where = res.headers.get("location") ?? ((await res.json().catch(() => ({}))) as { url?: string }).url ?? "";
  return Number(/LockedOut-(\d+)/.exec(decodeURIComponent(where))?.[1] ?? 0);
}

async function twoReplicas(flavour: "sqlite" | "postgres"): Promise<{ a: RunningKitgate; b: RunningKitgate; password: string; store: Store }> {
  const dir = mkdtempSync(path.join(tmpdir(), `kitgate-throttle-${flavour}-`));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const password = randomBytes(9).toString("base64url");
  const configPath = writeConfig(dir, password);
  let store: Store;
  let db: { dbFile?: string; databaseUrl?: string };
  if (flavour === "sqlite") {
    const dbFile = path.join(dir, "k.db");
    db = { dbFile };
    store = {
      async query(sql, params = []) {
        const s = new Database(dbFile);
        try {
          const stmt = s.prepare(sql.replace(/\$\d+/g, "?"));
          return stmt.reader ? (stmt.all(...params) as Record<string, unknown>[]) : (stmt.run(...params), []);
        } finally {
          s.close();
        }
      },
      async close() {},
    };
  } else {
    const cluster = await startPostgres({ migrate: false });
    cleanups.push(() => cluster.stop());
    db = { databaseUrl: cluster.url };
    const client = new pg.Client({ connectionString: cluster.url });
    await client.connect();
    store = {
      async query(sql, params = []) {
        return (await client.query(sql, params)).rows as Record<string, unknown>[];
      },
      close: () => client.end(),
    };
    cleanups.push(() => store.close());
  }
  const a = await startKitgate({ configPath, ...db });
  cleanups.push(() => a.stop());
  const b = await startKitgate({ configPath, ...db, migrate: false });
  cleanups.push(() => b.stop());
  return { a, b, password, store };
}

for (const flavour of ["sqlite", "postgres"] as const) {
  describe(`finding 6: sign-in throttling across two replicas (${flavour})`, () => {
    it(`finding 6: 5 wrong passwords spread over two replicas lock the account on both, audited once, and a spray from one address locks the address (${flavour})`, async () => {
      const { a, b, password, store } = await twoReplicas(flavour);
      const failures: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await signInRequest(i % 2 === 0 ? a.baseUrl : b.baseUrl, "viewer", `wrong-${i}`);
        failures.push(res.status);
        expect(sessionCookie(res)).toBeNull();
      }
      // now even the right password is refused, on either replica, with the lockout in the redirect
      for (const app of [a, b]) {
        const res = await signInRequest(app.baseUrl, "viewer", password);
        expect(sessionCookie(res)).toBeNull();
        expect(await lockout(res)).toBeGreaterThan(0);
      }
      const locks = await store.query(`SELECT "actorName", "details" FROM "AuditEvent" WHERE "action" = 'auth.locked-out'`);
      expect(locks).toHaveLength(1);
      const details = typeof locks[0]!.details === "string" ? JSON.parse(locks[0]!.details as string) : locks[0]!.details;
      expect(details).toMatchObject({ scope: "account", lockouts: 1 });
      const seconds = await lockout(await signInRequest(a.baseUrl, "viewer", password));
      console.log(`finding 6 (${flavour}): lockout after 5 failures over 2 replicas, ${seconds} s remaining`);
      expect(seconds).toBeGreaterThan(0);
      expect(seconds).toBeLessThanOrEqual(60);

      // another account from the same address is not affected
      expect(sessionCookie(await signInRequest(b.baseUrl, "contributor", password))).not.toBeNull();
      // the sign-in page explains it
      const page = await (await fetch(`${a.baseUrl}/signin?error=LockedOut-${seconds}`)).text();
      expect(page).toContain("Too many failed sign-ins");

      // when the lockout has passed (moved into the past here), the right password works again and resets the count
      await store.query(`UPDATE "Throttle" SET "lockedUntil" = $1 WHERE "key" = $2`, [flavour === "sqlite" ? Date.now() - 1000 : new Date(Date.now() - 1000), "signin:account:viewer"]);
      expect(sessionCookie(await signInRequest(a.baseUrl, "viewer", password))).not.toBeNull();

      // one address trying many accounts: 20 failures lock the address for every account
      for (let i = 0; i < 20; i++) await signInRequest(i % 2 === 0 ? a.baseUrl : b.baseUrl, `user-${i}`, "wrong");
      const blocked = await signInRequest(a.baseUrl, "approver", password);
      expect(sessionCookie(blocked)).toBeNull();
      expect(await lockout(blocked)).toBeGreaterThan(0);
      const clientLocks = await store.query(`SELECT "details" FROM "AuditEvent" WHERE "action" = 'auth.locked-out'`);
      expect(clientLocks.map((r) => JSON.stringify(r.details))).toEqual(expect.arrayContaining([expect.stringContaining("client")]));
      expect(failures.every((s) => s < 500)).toBe(true);
      for (const app of [a, b]) expect(app.log()).not.toMatch(/uncaught|unhandled/i);
    }, 180_000);
  });
}
