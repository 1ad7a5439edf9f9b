import { describe, expect, it } from "vitest";
import { AUTO_RENDER_MAX_BYTES, AUTO_RENDER_MAX_LINES } from "@/lib/diff/text/limits";
import { countHunks, decideRender, nextHunkOffset } from "./render-budget";

describe("decideRender", () => {
  it("renders small diffs by itself and collapses past the line or byte budget", () => {
    expect(decideRender({ totalLines: 12, patchBytes: 400, userChoice: null })).toBe("render");
    expect(decideRender({ totalLines: AUTO_RENDER_MAX_LINES, patchBytes: AUTO_RENDER_MAX_BYTES, userChoice: null })).toBe("render");
    expect(decideRender({ totalLines: AUTO_RENDER_MAX_LINES + 1, patchBytes: 400, userChoice: null })).toBe("collapsed");
    expect(decideRender({ totalLines: 3, patchBytes: AUTO_RENDER_MAX_BYTES + 1, userChoice: null })).toBe("collapsed");
  });

  it("lets the user's explicit choice win over the budget", () => {
    expect(decideRender({ totalLines: 100_000, patchBytes: 5_000_000, userChoice: "show" })).toBe("render");
    expect(decideRender({ totalLines: 1, patchBytes: 10, userChoice: "hide" })).toBe("collapsed");
  });
});

const PATCH = [
  "diff --git a/x.py b/x.py",
  "--- a/x.py",
  "+++ b/x.py",
  "@@ -1,2 +1,2 @@",
  "-@@ -9 not a header",
  "+a",
  "@@ -10,2 +10,2 @@ def f():",
  " @@ -3 context, not a header",
  "-b",
  "+c",
  "",
].join("\n");

describe("hunk paging", () => {
  it("counts hunk headers, not content lines that look like them", () => {
    expect(countHunks(PATCH)).toBe(2);
    expect(countHunks("@@ -1 +1 @@\n-a\n+b\n")).toBe(1);
    expect(countHunks("")).toBe(0);
  });

  it("points at the next page until the last hunk is loaded", () => {
    expect(nextHunkOffset({ offset: 0, totalHunks: 5, patch: PATCH })).toBe(2);
    expect(nextHunkOffset({ offset: 3, totalHunks: 5, patch: PATCH })).toBeNull();
    // an empty page (skipped or timed out) never loops on the same offset
    expect(nextHunkOffset({ offset: 0, totalHunks: 5, patch: "" })).toBeNull();
  });
});
