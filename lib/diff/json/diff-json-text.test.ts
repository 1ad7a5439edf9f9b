import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { diffJsonText } from "./diff-json-text";

function thrown(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

describe("diffJsonText", () => {
  it("reports changed values of minified JSON by path", () => {
    const records = Array.from({ length: 2000 }, (_, i) => ({ id: i, score: i / 10, tags: ["a"] }));
    const a = JSON.stringify({ records });
    records[1234]!.score = -1;
    const b = new TextEncoder().encode(JSON.stringify({ records }));
    expect(diffJsonText(a, b)).toEqual({
      changes: [{ path: "$.records[1234].score", kind: "changed", before: 123.4, after: -1 }],
      truncated: false,
    });
  });

  it("accepts a UTF-8 BOM", () => {
    expect(diffJsonText("\uFEFF{\"a\":1}", '{"a":1}').changes).toEqual([]);
  });

  it.each([
    { name: "malformed base", a: "{", b: "{}", code: "MALFORMED_CONTENT", side: "base" },
    { name: "malformed head", a: "{}", b: "[1,", code: "MALFORMED_CONTENT", side: "head" },
    { name: "over the size cap", a: "[" + "1,".repeat(100) + "1]", b: "[]", code: "TOO_LARGE", side: "base" },
  ])("$name → $code", ({ a, b, code, side }) => {
    const e = thrown(() => diffJsonText(a, b, { maxBytes: 100 }));
    expect(e.code).toBe(code);
    expect(e.details).toMatchObject({ side });
  });
});
