import { AUTO_RENDER_MAX_BYTES, AUTO_RENDER_MAX_LINES } from "@/lib/diff/text/limits";

export type RenderDecision = "render" | "collapsed";

/**
 * Whether a file's line diff renders by itself or waits behind "Load diff" (GitHub's budget: diff2html
 * HTML is 5–17× the patch, so a bigger first render stalls the tab). The user's explicit choice always wins.
 */
export function decideRender(input: { totalLines: number; patchBytes: number; userChoice: "show" | "hide" | null }): RenderDecision {
  if (input.userChoice === "show") return "render";
  if (input.userChoice === "hide") return "collapsed";
  return input.totalLines <= AUTO_RENDER_MAX_LINES && input.patchBytes <= AUTO_RENDER_MAX_BYTES ? "render" : "collapsed";
}

/** Hunks carried by one page of a unified patch: only hunk headers start a line with `@@ -` (content lines start with ' ', '+', '-' or '\'). */
export function countHunks(patch: string): number {
  let n = 0;
  if (patch.startsWith("@@ -")) n++;
  for (let i = patch.indexOf("\n@@ -"); i !== -1; i = patch.indexOf("\n@@ -", i + 1)) n++;
  return n;
}

/** Offset of the page after this one, or null when the last hunk is on screen. */
export function nextHunkOffset(page: { offset: number; totalHunks: number; patch: string }): number | null {
  const next = page.offset + countHunks(page.patch);
  return next > page.offset && next < page.totalHunks ? next : null;
}
