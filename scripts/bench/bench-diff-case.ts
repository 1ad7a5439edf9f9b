/**
 * One bench-diff case in a fresh process, so peak RSS belongs to this case alone and Node start-up is
 * excluded from the timings (measured in-process, as a long-running server pays them).
 * Usage: node --import tsx --expose-gc bench-diff-case.ts <text|json|csv> <fileA> <fileB> <reps>
 * Prints one JSON line: median times (ms), peak RSS and the RSS before the inputs were read.
 */
import { readFileSync } from "node:fs";
import { diffCsv } from "@/lib/diff/csv/diff-csv";
import { diffJsonText } from "@/lib/diff/json/diff-json-text";
import { diffLines } from "@/lib/diff/text/diff-lines";
import { AUTO_RENDER_MAX_LINES } from "@/lib/diff/text/limits";
import { renderUnifiedPatch } from "@/lib/diff/text/render-unified-patch";
import { toHunks } from "@/lib/diff/text/to-hunks";

const [kind, fileA, fileB, repsArg] = process.argv.slice(2);
const reps = Number(repsArg ?? 3);
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const median = (xs: number[]) => xs.slice().sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;

const baseRssMb = process.memoryUsage.rss() / 2 ** 20;
const engine: number[] = [];
const full: number[] = [];
let detail = "";
for (let r = 0; r < reps; r++) {
  gc();
  const t0 = performance.now();
  if (kind === "csv") {
    // The table diff as the data layer calls it: decoded text, one page of 50 changed rows.
    const diff = diffCsv(readFileSync(fileA!, "utf8"), readFileSync(fileB!, "utf8"), { delimiter: "auto", page: { offset: 0, limit: 50 } });
    engine.push(performance.now() - t0);
    full.push(performance.now() - t0);
    const c = diff.counts;
    detail = `table diff ${diff.mode}${diff.keyColumn ? ` by ${diff.keyColumn}` : ""}: +${c.added} -${c.removed} ~${c.changed} =${c.unchanged}` +
      (diff.truncated ? ` — SUMMARY ONLY: ${diff.reasons.join("; ")}` : "");
    continue;
  }
  const a = readFileSync(fileA!);
  const b = readFileSync(fileB!);
  const result = diffLines(a, b);
  if (kind === "json") {
    if (result.status !== "skipped" || result.reason !== "long-lines") throw new Error(`expected long-lines, got ${result.status}`);
    const diff = diffJsonText(a, b);
    engine.push(performance.now() - t0);
    full.push(performance.now() - t0);
    detail = `${diff.changes.length} JSON paths changed`;
    continue;
  }
  if (result.status !== "ok") throw new Error(`diff ${result.status}`);
  const hunks = toHunks(result.script);
  // What the product formats up front: the hunks that fit the auto-render budget.
  let limit = 0;
  for (let lines = 0; limit < hunks.length && lines < AUTO_RENDER_MAX_LINES; limit++) lines += hunks[limit]!.lineCount;
  renderUnifiedPatch(result.script, a, b, { hunks, limit });
  const t1 = performance.now();
  const patch = renderUnifiedPatch(result.script, a, b, { hunks });
  const t2 = performance.now();
  engine.push(t1 - t0);
  full.push(t2 - t0 - 0);
  const { added, removed } = result.script.stats;
  detail = `+${added} -${removed}, ${hunks.length} hunks, patch ${(patch.length / 2 ** 20).toFixed(1)} MB`;
}
console.log(
  JSON.stringify({
    engineMs: median(engine),
    fullMs: median(full),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    baseRssMb,
    detail,
  }),
);
