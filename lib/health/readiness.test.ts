import { describe, expect, it } from "vitest";
import { checkReadiness } from "./readiness";

describe("readiness", () => {
  it("is ready only when every check passes, and lists what failed", async () => {
    const report = await checkReadiness(
      [
        { name: "config", run: async () => [] },
        { name: "database", run: async () => ["database: not migrated"] },
        { name: "worker", run: async () => Promise.reject(new Error("no heartbeat\nstack…")) },
      ],
      1000,
    );
    expect(report.ready).toBe(false);
    expect(report.checks.map((c) => [c.name, c.ok, c.problems])).toEqual([
      ["config", true, []],
      ["database", false, ["database: not migrated"]],
      ["worker", false, ["worker: no heartbeat"]],
    ]);
  });

  it("answers within its timeout when a check hangs", async () => {
    const report = await checkReadiness([{ name: "database", run: () => new Promise<string[]>(() => {}) }], 50);
    expect(report).toMatchObject({ ready: false, checks: [{ name: "database", ok: false, problems: ["database: no answer within 50 ms"] }] });
  });

  it("is ready with no failing check", async () => {
    expect((await checkReadiness([{ name: "config", run: async () => [] }], 50)).ready).toBe(true);
  });
});
