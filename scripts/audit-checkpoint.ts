// `npm run audit:checkpoint`: seals any committed audit rows, verifies the rows since the last signed checkpoint and
// signs + publishes a new one at the head (database, audit.checkpoints.file, audit.checkpoints.repository).
// Exit 0 = signed or nothing new; 1 = refused (chain broken, no key) or failed. A cron-able stand-in for the job.
import { createCheckpoint } from "../lib/audit/checkpoint/create-checkpoint";
import { db } from "../lib/db";

try {
  const out = await createCheckpoint();
  if (out.checkpoint) {
    console.log(`signed checkpoint #${out.checkpoint.seq} ${out.checkpoint.digest} hash ${out.checkpoint.hash}`);
    if (out.published.length) console.log(`published: ${out.published.join(", ")}`);
  } else {
    console.log(`no checkpoint signed: ${out.skipped}`);
    // refused (tampering found) or impossible (no key): an operator's cron must notice
    if (/^(not signed|no trust)/.test(out.skipped ?? "")) process.exitCode = 1;
  }
  for (const w of out.warnings) console.log(`warning: ${w}`);
} catch (error) {
  console.error("audit:checkpoint failed:", (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
