import "server-only";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { AppError } from "@/lib/errors";
import { DEFAULT_DEADLINE_MS } from "./limits";
import type { DiffLinesOptions, LineDiffResult } from "./types";

export interface RunDiffWithDeadlineOptions extends Omit<DiffLinesOptions, "deadlineMs"> {
  /** Wall-clock budget including worker start-up; past it the worker is terminated. */
  deadlineMs?: number;
  /** Heap cap for the worker (typed arrays live outside it); a blow-up fails the diff, not the server. */
  maxHeapMb?: number;
}

const DEFAULT_WORKER_HEAP_MB = 512;

function countLines(buf: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < buf.length; i++) if (buf[i] === 10) n++;
  return buf.length > 0 && buf[buf.length - 1] !== 10 ? n + 1 : n;
}

/**
 * Source runs (vitest, tsx scripts) cannot start a .ts worker directly, and tsx hooks registered in the
 * parent do not reach workers on Node 20 (nor does `--import tsx` in execArgv); this bootstrap
 * installs tsx's require hook inside the worker and requires the entry. The specifier travels as data, so a bundler never tries to resolve it.
 */
const SOURCE_BOOTSTRAP = `
const { workerData } = require("node:worker_threads");
require(workerData.tsxCjs).register();
require(workerData.entry);
`;

function spawnDiffWorker(workerData: Record<string, unknown>, heapMb: number): Worker {
  const resourceLimits = { maxOldGenerationSizeMb: heapMb };
  if (import.meta.url.endsWith(".ts")) {
    const entry = fileURLToPath(new URL("./diff-lines.worker.ts", import.meta.url));
    return new Worker(SOURCE_BOOTSTRAP, { eval: true, workerData: { ...workerData, entry, tsxCjs: "tsx/cjs/api" }, resourceLimits });
  }
  // In `next build`, Turbopack and webpack both recognise `new Worker(new URL("./x.ts", import.meta.url))`,
  // bundle the worker entry with its imports and point the URL at the emitted chunk. (Turbopack
  // regressed on this in 16.2 and fixed it in vercel/next.js#93432.)
  return new Worker(new URL("./diff-lines.worker.ts", import.meta.url), { workerData, resourceLimits });
}

/**
 * diffLines in a worker thread that is terminated at the deadline — library time limits overshoot
 * (diff-performance.md), and a terminated worker cannot. The same deadline is also passed to
 * diffLines, which gives up cooperatively, so the worker usually ends on its own.
 * Resolves with the diff, a skip reason, or a timeout summary; never hangs.
 */
export function runDiffWithDeadline(a: Uint8Array, b: Uint8Array, options: RunDiffWithDeadlineOptions = {}): Promise<LineDiffResult> {
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
  if (!Number.isFinite(deadlineMs) || deadlineMs < 0) throw new TypeError("deadlineMs must be a non-negative number");
  const { maxHeapMb = DEFAULT_WORKER_HEAP_MB, ...diffOptions } = options;
  const timeoutSummary = (): LineDiffResult => ({
    status: "timeout",
    summary: { bytesA: a.length, bytesB: b.length, linesA: countLines(a), linesB: countLines(b) },
  });
  if (deadlineMs === 0) return Promise.resolve(timeoutSummary());

  return new Promise<LineDiffResult>((resolve, reject) => {
    let settled = false;
    let worker: Worker;
    try {
      worker = spawnDiffWorker({ a, b, options: { ...diffOptions, deadlineMs } }, maxHeapMb);
    } catch (cause) {
      reject(new AppError("INTERNAL", "Could not start the diff worker.", { cause }));
      return;
    }
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      outcome();
    };
    const timer = setTimeout(() => finish(() => resolve(timeoutSummary())), deadlineMs);
    worker.once("message", (result: LineDiffResult) => finish(() => resolve(result)));
    worker.once("error", (cause) =>
      finish(() => reject(new AppError("LIMIT_EXCEEDED", "The diff worker failed (likely out of memory).", { cause }))),
    );
    worker.once("exit", (code) =>
      finish(() => reject(new AppError("INTERNAL", `The diff worker exited early (code ${code}).`))),
    );
  });
}
