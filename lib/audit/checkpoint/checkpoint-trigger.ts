import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { createCheckpoint, type CheckpointOutcome } from "./create-checkpoint";
import { logger } from "@/lib/observability/logger";

// The in-process trigger for checkpoints: after `everyRows` appends, or `everySeconds` after the first append since the
// last checkpoint. Every process runs it; the checkpoint lock and "nothing new since #n" make the extra runs no-ops.
// The job queue's periodic `audit.checkpoint` job (npm run worker) covers a process that dies before its timer fires.

let settings = { everyRows: 1000, everySeconds: 60 };
let appended = 0;
let timer: NodeJS.Timeout | null = null;
let running: Promise<CheckpointOutcome | null> | null = null;

function refreshSettings(): void {
  getConfig().then(
    (c) => {
      if (c.audit) settings = { everyRows: c.audit.checkpoints.everyRows, everySeconds: c.audit.checkpoints.everySeconds };
    },
    () => undefined,
  );
}

/** Called after rows were appended (sealed, or inline-chained) by this process. */
export function noteAuditAppends(n: number): void {
  if (appended === 0) refreshSettings();
  appended += n;
  if (appended >= settings.everyRows) {
    void checkpointSoon();
    return;
  }
  if (!timer) {
    timer = setTimeout(() => void checkpointSoon(), settings.everySeconds * 1000);
    timer.unref();
  }
}

/** Signs a checkpoint now unless one is being signed by this process already; never throws (logs instead). */
export function checkpointSoon(): Promise<CheckpointOutcome | null> {
  if (timer) clearTimeout(timer);
  timer = null;
  appended = 0;
  running ??= createCheckpoint()
    .catch((error: unknown) => {
      logger.error({ err: error }, "audit: checkpoint failed");
      return null;
    })
    .finally(() => (running = null));
  return running;
}
