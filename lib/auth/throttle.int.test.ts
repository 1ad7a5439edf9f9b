// The throttle counters against a real SQLite database: escalating lockouts, forgetting, and concurrent failures
// that must lock exactly once (replicas are covered by test/security/sign-in-throttle.int.test.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";

let database: ReturnType<typeof createSqliteDb>;
let t: typeof import("./throttle");

const MIN = 60_000;
const policy = { max: 5, windowMs: 15 * MIN, lockMs: MIN, maxLockMs: 4 * MIN, forgetMs: 24 * 60 * MIN };

beforeAll(async () => {
  database = createSqliteDb();
  process.env.DATABASE_URL = database.url;
  t = await import("./throttle");
});

afterAll(() => database?.cleanup());

describe("throttle", () => {
  it("locks at max failures with a doubling, capped lockout, and a success starts over", async () => {
    let now = new Date(Date.UTC(2026, 0, 1));
    const lockFor = async (key: string) => {
      let until: Date | null = null;
      for (let i = 0; i < policy.max; i++) until = (await t.recordThrottleFailure(key, policy, now)).lockedUntil ?? until;
      return until ? (until.getTime() - now.getTime()) / MIN : null;
    };
    const lengths: (number | null)[] = [];
    for (let round = 0; round < 4; round++) {
      lengths.push(await lockFor("a"));
      now = new Date(now.getTime() + 10 * MIN);
    }
    expect(lengths).toEqual([1, 2, 4, 4]);
    expect(await t.lockedUntil("a", now)).toBeNull();
    await t.clearThrottle("a");
    expect(await lockFor("a")).toBe(1);
  });

  it("failures outside the window do not add up, and old lockouts are forgotten after a day", async () => {
    let now = new Date(Date.UTC(2026, 1, 1));
    for (let i = 0; i < 8; i++) {
      expect((await t.recordThrottleFailure("b", policy, now)).lockedUntil).toBeNull();
      now = new Date(now.getTime() + 4 * MIN); // 4 failures per 15-minute window at most
      if (i % 3 === 2) now = new Date(now.getTime() + 15 * MIN);
    }
    for (let i = 0; i < 5; i++) await t.recordThrottleFailure("c", policy, now);
    now = new Date(now.getTime() + 25 * 60 * MIN);
    let last = null;
    for (let i = 0; i < 5; i++) last = await t.recordThrottleFailure("c", policy, now);
    expect(last?.lockouts).toBe(1);
  });

  it("50 concurrent failures lock once", async () => {
    const now = new Date(Date.UTC(2026, 2, 1));
    const outcomes = await Promise.all(Array.from({ length: 50 }, () => t.recordThrottleFailure("d", policy, now)));
    expect(outcomes.filter((o) => o.lockedUntil !== null)).toHaveLength(1);
    expect(await t.lockedUntil("d", now)).not.toBeNull();
  });
});
