// `npm run audit:verify [-- --full] [-- --checkpoints FILE --public-key PEM …]`: verifies the audit chain in
// DATABASE_URL and names every problem by sequence number. Exit 0 = intact, 1 = broken (or unreadable).
//
// On the server (KITGATE_CONFIG with trust.signingKey) it reads the checkpoint stores of the config, checks MACs, and
// signs a new checkpoint at the verified head. An auditor with only a copy of the database, the checkpoint file and
// Kitgate's PUBLIC key runs it with `--checkpoints audit-checkpoints.jsonl --public-key kitgate.pub` (repeatable;
// `--no-database-checkpoints` ignores the AuditCheckpoint table of the copy): nothing is written then.
// Run with the react-server condition so `server-only` imports load.
import { createPublicKey } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { keyIdOf, type CheckpointContext } from "../lib/audit/checkpoint/checkpoint-sources";
import { createCheckpoint } from "../lib/audit/checkpoint/create-checkpoint";
import { runAuditVerification } from "../lib/audit/run-audit-verification";
import type { ChainVerification } from "../lib/audit/types";
import { verifyStoredAuditChain } from "../lib/audit/verify-stored-audit-chain";
import { db } from "../lib/db";

const { values } = parseArgs({
  options: {
    full: { type: "boolean", default: false },
    checkpoints: { type: "string" },
    "public-key": { type: "string", multiple: true },
    "no-database-checkpoints": { type: "boolean", default: false },
    json: { type: "boolean", default: false },
  },
});

async function offline(): Promise<ChainVerification> {
  const keys = (values["public-key"] ?? []).map((file) => {
    const pem = readFileSync(file);
    return { keyId: keyIdOf(pem), key: createPublicKey(pem) };
  });
  const ctx: CheckpointContext = {
    config: null,
    key: null,
    verifyKeys: keys,
    ...(values.checkpoints ? { file: path.resolve(values.checkpoints) } : {}),
    useDatabase: !values["no-database-checkpoints"],
  };
  return verifyStoredAuditChain({ mode: values.full ? "full" : "incremental", checkpoints: ctx });
}

function print(result: ChainVerification): void {
  if (values.json) {
    console.log(JSON.stringify(result, null, 2));
    return;
  }
  const cp = result.checkpoint;
  const how = result.mode === "incremental" && cp ? `against signed checkpoint #${cp.seq} (${cp.time}, ${cp.sources.join(", ")}) + ${result.checked} rows` : `${result.checked} rows recomputed`;
  if (result.ok) {
    console.log(`audit chain intact: ${result.head?.seq ?? 0} rows (${result.mode} verification, ${how})${result.head ? `, last hash ${result.head.hash}` : ""}`);
  } else {
    for (const f of result.findings ?? []) {
      console.log(`audit chain BROKEN at seq ${f.seq ?? "(none)"}${f.toSeq && f.toSeq !== f.seq ? `-${f.toSeq}` : ""}${f.id ? ` id ${f.id}` : ""}: ${f.reason}: ${f.message}`);
    }
    console.log(`(${result.mode} verification, ${how})`);
    process.exitCode = 1;
  }
  for (const w of result.warnings ?? []) console.log(`warning: ${w}`);
}

try {
  const isOffline = values["public-key"] !== undefined || values.checkpoints !== undefined;
  const result = isOffline ? await offline() : await runAuditVerification({ mode: values.full ? "full" : "incremental", background: false });
  print(result);
  if (!isOffline && result.ok) {
    const made = await createCheckpoint();
    if (made.checkpoint) console.log(`signed checkpoint #${made.checkpoint.seq} ${made.checkpoint.digest}${made.published.length ? ` (published: ${made.published.join(", ")})` : ""}`);
    for (const w of made.warnings) console.log(`warning: ${w}`);
  }
} catch (error) {
  console.error("audit:verify failed:", (error as Error).message);
  process.exitCode = 1;
} finally {
  await db.$disconnect();
}
