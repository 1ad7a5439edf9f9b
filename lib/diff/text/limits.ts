/** Budgets of the text diff; each one is a product or safety decision, measured in diff-performance.md. */

/** Render a file's diff automatically up to this many patch lines (GitHub's auto-load budget). */
export const AUTO_RENDER_MAX_LINES = 400;
/** ... and this many patch bytes; diff2html HTML is 5–17× the patch, so more freezes a tab. */
export const AUTO_RENDER_MAX_BYTES = 20 * 1024;

/** Diffed while the user waits: ≈1 s on the 2-core box. */
export const INTERACTIVE_MAX_BYTES = 20 * 1024 * 1024;
export const INTERACTIVE_MAX_LINES = 250_000;

/** Background job ceiling (≈4–5 s, ≈0.5 GB); beyond this only a summary is shown. */
export const HARD_MAX_BYTES = 100 * 1024 * 1024;
export const HARD_MAX_LINES = 1_000_000;

/** Longer lines are minified data: a line diff shows nothing useful, JSON/char diff takes over. */
export const MAX_LINE_LENGTH = 10_000;

/** Same sniff window as git: a NUL byte in the first 8 KB means binary. */
export const BINARY_SNIFF_BYTES = 8 * 1024;

/** Default time budget for an interactive diff before it degrades to a summary. */
export const DEFAULT_DEADLINE_MS = 5_000;

/** Lines occurring more often than this in a region are not used as histogram anchors (git's value). */
export const HISTOGRAM_MAX_CHAIN = 64;

/** Myers fallback work bound (≈ (N+M)·D steps); past it a region is shown as one replacement. */
export const MYERS_MAX_COST = 20_000_000;
/** Myers keeps one V array per edit step to recover the path; this bounds that memory (D² ints). */
export const MYERS_MAX_D = 4_096;
