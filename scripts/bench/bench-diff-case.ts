/**
 * One bench-diff case in a fresh process, so peak RSS belongs to this case alone and Node start-up is
 * excluded from the timings (measured in-process, as a long-running server pays them).
 * Usage: node --import tsx --expose-gc bench-diff-case.ts <text|json> <fileA> <fileB> <reps>
 * Prints one JSON line: median times (ms), peak RSS and the RSS before the inputs were read.
 */
import { readFileSync } from "node:fs";
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
