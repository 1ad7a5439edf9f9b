import { describe, expect, it } from "vitest";
import { diffQuery, entryFilesDiffQuery, fileDiffQuery } from "./diff-query";

const BASE = "local/demo/fraud-detection:1.0.0";
const HEAD = `local/demo/fraud-detection@sha256:${"cd".repeat(32)}`;

describe("diff request schemas", () => {
  it("takes two references, tag or digest, and rejects a missing side", () => {
    expect(diffQuery.parse({ base: BASE, head: HEAD })).toEqual({ base: BASE, head: HEAD });
    const missing = diffQuery.safeParse({ base: BASE });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]?.path).toEqual(["head"]);
    expect(diffQuery.safeParse({ base: "local/demo x:1", head: HEAD }).success).toBe(false);
  });

  it("keeps the first value of a repeated query key", () => {
    expect(diffQuery.parse({ base: [BASE, "evil/x:1"], head: HEAD }).base).toBe(BASE);
  });

  it("accepts only the Kitfile sections for an entry's file tree", () => {
    expect(entryFilesDiffQuery.parse({ base: BASE, head: HEAD, section: "code", key: "src" })).toMatchObject({ section: "code", key: "src" });
    expect(entryFilesDiffQuery.safeParse({ base: BASE, head: HEAD, section: "secrets", key: "src" }).success).toBe(false);
    expect(entryFilesDiffQuery.safeParse({ base: BASE, head: HEAD, section: "code", key: "" }).success).toBe(false);
  });

  it("coerces paging and toggles from the query string and treats empty values as absent", () => {
    const q = fileDiffQuery.parse({ base: BASE, head: HEAD, path: "src/serve.py", offset: "20", limit: "5", ignoreWhitespace: "1", csvKey: "", csvOffset: "" });
    expect(q).toMatchObject({ path: "src/serve.py", offset: 20, limit: 5, ignoreWhitespace: true });
    expect(q.csvKey).toBeUndefined();
    expect(q.csvOffset).toBeUndefined();
    expect(fileDiffQuery.parse({ base: BASE, head: HEAD, path: "a.csv" }).ignoreWhitespace).toBe(false);
  });

  it("refuses negative or absurd offsets and page sizes", () => {
    for (const bad of [{ offset: "-1" }, { offset: "1.5" }, { limit: "0" }, { limit: "100000" }, { csvOffset: "abc" }, { ignoreWhitespace: "yes" }]) {
      expect(fileDiffQuery.safeParse({ base: BASE, head: HEAD, path: "x", ...bad }).success, JSON.stringify(bad)).toBe(false);
    }
    expect(fileDiffQuery.safeParse({ base: BASE, head: HEAD, path: "" }).success).toBe(false);
  });
});
