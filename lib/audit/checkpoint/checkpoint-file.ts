import "server-only";
import { createReadStream } from "node:fs";
import { mkdir, open } from "node:fs/promises";
import path from "node:path";
import { createInterface } from "node:readline";
import { MAX_CHECKPOINT_BYTES, openCheckpoint, type CheckpointKey, type SignedCheckpoint } from "./checkpoint-statement";

/** The tail read for "latest": many checkpoints' worth, so garbage appended after the last good line is skipped. */
const TAIL_BYTES = 256 * 1024;

/**
 * Appends one checkpoint as a JSON line (`{"seq":…,"digest":…,"envelope":{…}}`) and fsyncs. Opened with O_APPEND, so
 * writers of several processes never overwrite each other; make the file append-only at the OS level
 * (`chattr +a`) or ship it to write-once storage to keep it out of reach of whoever can reach the database.
 */
export async function appendCheckpointLine(file: string, cp: SignedCheckpoint): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const line = `${JSON.stringify({ seq: cp.seq, digest: cp.digest, envelope: JSON.parse(cp.envelope) as unknown })}\n`;
  const handle = await open(file, "a", 0o644);
  try {
    await handle.write(line);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** One line back to a checkpoint: the envelope is re-serialised exactly as it was parsed, then verified. */
function parseLine(line: string, keys: readonly CheckpointKey[]): SignedCheckpoint | null {
  if (line.length === 0 || line.length > MAX_CHECKPOINT_BYTES * 2) return null;
  try {
    const parsed = JSON.parse(line) as { envelope?: unknown };
    const opened = openCheckpoint(JSON.stringify(parsed.envelope), keys);
    return opened.ok ? opened.checkpoint : null;
  } catch {
    return null;
  }
}

/** The newest valid checkpoint in the file's tail (null: no file yet, or nothing valid in it). */
export async function readLatestCheckpointLine(file: string, keys: readonly CheckpointKey[]): Promise<SignedCheckpoint | null> {
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const start = Math.max(0, size - TAIL_BYTES);
    const buf = Buffer.alloc(size - start);
    await handle.read(buf, 0, buf.length, start);
    const lines = buf.toString("utf8").split("\n");
    if (start > 0) lines.shift(); // partial first line
    // Highest claimed seq first; a signature is checked only until one verifies (each costs ~0.1 ms).
    const claimed = lines
      .map((line) => ({ line, seq: Number(/^\{"seq":(\d+),/.exec(line)?.[1] ?? Number.NaN) }))
      .filter((c) => Number.isSafeInteger(c.seq))
      .sort((a, b) => b.seq - a.seq);
    for (const c of claimed) {
      const cp = parseLine(c.line, keys);
      if (cp) return cp;
    }
    return null;
  } finally {
    await handle.close();
  }
}

/** Every valid checkpoint in the file (streamed): used to locate a rewrite once one was detected, and by full verification. */
export async function readAllCheckpointLines(file: string, keys: readonly CheckpointKey[]): Promise<SignedCheckpoint[]> {
  const out: SignedCheckpoint[] = [];
  let stream;
  try {
    stream = createReadStream(file, { encoding: "utf8" });
    await new Promise<void>((resolve, reject) => {
      stream!.once("open", () => resolve());
      stream!.once("error", reject);
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw error;
  }
  for await (const line of createInterface({ input: stream, crlfDelay: Infinity })) {
    const cp = parseLine(line, keys);
    if (cp) out.push(cp);
  }
  return out;
}
