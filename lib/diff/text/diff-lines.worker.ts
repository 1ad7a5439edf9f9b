// Worker entry for runDiffWithDeadline: runs diffLines off the main thread so the caller can terminate it.
import { parentPort, workerData } from "node:worker_threads";
import { diffLines } from "./diff-lines";
import type { DiffLinesOptions } from "./types";

const { a, b, options } = workerData as { a: Uint8Array; b: Uint8Array; options: DiffLinesOptions };
const result = diffLines(a, b, options);
const transfer: ArrayBuffer[] = [];
if (result.status === "ok") {
  const { blocks, lineStartsA, lineStartsB } = result.script;
  for (const arr of [blocks.aStart, blocks.aEnd, blocks.bStart, blocks.bEnd, lineStartsA, lineStartsB]) {
    if (!transfer.includes(arr.buffer as ArrayBuffer)) transfer.push(arr.buffer as ArrayBuffer);
  }
}
parentPort!.postMessage(result, transfer);
