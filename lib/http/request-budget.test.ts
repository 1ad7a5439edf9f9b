import { describe, expect, it } from "vitest";
import { currentBudget, isForeignBudgetExpiry, withRequestBudget } from "./request-budget";

describe("withRequestBudget", () => {
  it("answers UPSTREAM_TIMEOUT naming the registry and the step still running, even if the work ignores the abort", async () => {
    const started = Date.now();
    const never = withRequestBudget(async () => {
      currentBudget()!.begin("acme", "GET blob team/x@sha256:abc");
      return new Promise<string>(() => {});
    }, 50);
    await expect(never).rejects.toMatchObject({
      code: "UPSTREAM_TIMEOUT",
      message: expect.stringMatching(/registry acme .*GET blob team\/x@sha256:abc/),
      details: { registry: "acme", step: "GET blob team/x@sha256:abc" },
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("aborts the budget's signal at the deadline so registry calls stop", async () => {
    let signal: AbortSignal | undefined;
    await expect(
      withRequestBudget(async () => {
        signal = currentBudget()!.signal;
        await new Promise((r) => setTimeout(r, 200));
      }, 20),
    ).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
    expect(signal!.aborted).toBe(true);
  });

  it("returns the work's answer in time and keeps an outer budget for nested calls", async () => {
    const inner = await withRequestBudget(async () => {
      const outer = currentBudget();
      return withRequestBudget(async () => currentBudget() === outer, 10);
    }, 1_000);
    expect(inner).toBe(true);
    expect(currentBudget()).toBeUndefined();
  });

  it("with answerAtDeadline false (mutations) reports what the work reports, after aborting its calls", async () => {
    const result = await withRequestBudget(
      async () => {
        await new Promise((r) => setTimeout(r, 60));
        return currentBudget()!.signal.aborted ? "aborted, then committed" : "in time";
      },
      20,
      { answerAtDeadline: false },
    );
    expect(result).toBe("aborted, then committed");
  });

  it("tells another request's expiry from this one's (single-flight followers retry on their own)", async () => {
    let foreign: unknown;
    await withRequestBudget(async () => new Promise(() => {}), 10).catch((e) => (foreign = e));
    await withRequestBudget(async () => {
      expect(isForeignBudgetExpiry(foreign)).toBe(true);
    }, 1_000);
    expect(isForeignBudgetExpiry(new Error("x"))).toBe(false);
  });
});
