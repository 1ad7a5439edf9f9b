import { describe, expect, it } from "vitest";
import { runDiffWithDeadline } from "./run-diff-with-deadline";

const enc = (s: string) => new TextEncoder().encode(s);

describe("runDiffWithDeadline", () => {
  it("returns the edit script computed in the worker", async () => {
    const r = await runDiffWithDeadline(enc("a\nb\nc\n"), enc("a\nB\nc\n"), { deadlineMs: 60_000 });
    expect(r.status).toBe("ok");
    if (r.status !== "ok") return;
    expect(r.script.stats).toEqual({ added: 1, removed: 1, linesA: 3, linesB: 3 });
    expect(Array.from(r.script.blocks.aStart)).toEqual([1]);
  });

  it("passes skip reasons through", async () => {
    expect(await runDiffWithDeadline(new Uint8Array([0, 1]), enc("x"), { deadlineMs: 60_000 })).toMatchObject({
      status: "skipped",
      reason: "binary",
    });
  });

  it("terminates the worker and returns a summary when the deadline passes", async () => {
    // Two unrelated 400k-line inputs: far more work than fits in 1 ms (worker start-up alone exceeds it).
    const lines = (tag: string) => Array.from({ length: 400_000 }, (_, i) => `${tag} ${(i * 7919) % 400_000}`).join("\n");
    const a = enc(lines("a"));
    const b = enc(lines("b"));
    const r = await runDiffWithDeadline(a, b, { deadlineMs: 1 });
    expect(r).toEqual({ status: "timeout", summary: { bytesA: a.length, bytesB: b.length, linesA: 400_000, linesB: 400_000 } });
  });

  it("rejects a negative deadline as misuse", () => {
    expect(() => runDiffWithDeadline(enc("a"), enc("b"), { deadlineMs: -1 })).toThrow(TypeError);
  });
});
