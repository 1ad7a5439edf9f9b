import "server-only";
import { readFile } from "node:fs/promises";
import { createPublicKey } from "node:crypto";
import { createHash } from "node:crypto";
import { getConfig } from "@/lib/config/get-config";
import type { KitgateConfig } from "@/lib/config/types";
import { db } from "@/lib/db";
import { getAuditKey, type AuditKey } from "../audit-key";
import type { AuditTx } from "../audit-tx";
import { readAllCheckpointLines, readLatestCheckpointLine } from "./checkpoint-file";
import { readLatestPushedCheckpoint } from "./checkpoint-registry";
import { openCheckpoint, type CheckpointKey, type SignedCheckpoint } from "./checkpoint-statement";

/** Newest database rows tried for a validly signed one (a forged row with a high seq must not hide the real ones). */
const DB_LATEST_CANDIDATES = 20;

/** Where checkpoints live and which keys sign and verify them. Built from the config, or by hand (offline audit). */
export interface CheckpointContext {
  config: KitgateConfig | null;
  /** signs new checkpoints and MACs; null offline (public key only) or when no trust.signingKey is configured */
  key: AuditKey | null;
  /** public keys a checkpoint may be signed with (current key first) */
  verifyKeys: CheckpointKey[];
  file?: string;
  repository?: string;
  /** read checkpoints from the AuditCheckpoint table too (not when auditing a database dump against the file) */
  useDatabase: boolean;
}

export const keyIdOf = (pem: string | Buffer) =>
  createHash("sha256").update(createPublicKey(pem).export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);

export async function checkpointContext(config?: KitgateConfig): Promise<CheckpointContext> {
  const cfg = config ?? (await getConfig());
  const key = await getAuditKey(cfg);
  const verifyKeys: CheckpointKey[] = key ? [{ keyId: key.keyId, key: key.publicKey }] : [];
  for (const file of cfg.audit?.checkpoints.trustedKeys ?? []) {
    const pem = await readFile(file);
    verifyKeys.push({ keyId: keyIdOf(pem), key: createPublicKey(pem) });
  }
  return {
    config: cfg,
    key,
    verifyKeys,
    ...(cfg.audit?.checkpoints.file ? { file: cfg.audit.checkpoints.file } : {}),
    ...(cfg.audit?.checkpoints.repository ? { repository: cfg.audit.checkpoints.repository } : {}),
    useDatabase: true,
  };
}

export interface LatestCheckpoint {
  /** the validly signed checkpoint with the highest seq across every store */
  best: (SignedCheckpoint & { sources: string[] }) | null;
  /** the highest seq among the database's valid checkpoints (compared with `best` to notice deleted checkpoint rows) */
  databaseSeq: number | null;
  warnings: string[];
}

async function latestInDatabase(ctx: CheckpointContext, client: AuditTx): Promise<SignedCheckpoint | null> {
  const rows = await client.auditCheckpoint.findMany({ orderBy: { seq: "desc" }, take: DB_LATEST_CANDIDATES, select: { envelope: true } });
  for (const r of rows) {
    const opened = openCheckpoint(r.envelope, ctx.verifyKeys);
    if (opened.ok) return opened.checkpoint;
  }
  return null;
}

/**
 * The newest valid checkpoint from the database, the file and the registry. A store that cannot be read is a warning,
 * not a failure: verification then relies on the others (and says so).
 */
export async function findLatestCheckpoint(ctx: CheckpointContext, client: AuditTx = db): Promise<LatestCheckpoint> {
  const warnings: string[] = [];
  const found: { source: string; cp: SignedCheckpoint }[] = [];
  const attempt = async (source: string, read: () => Promise<SignedCheckpoint | null>) => {
    try {
      const cp = await read();
      if (cp) found.push({ source, cp });
    } catch (error) {
      warnings.push(`checkpoint ${source} could not be read: ${(error as Error).message}`);
    }
  };
  await Promise.all([
    ctx.useDatabase ? attempt("database", () => latestInDatabase(ctx, client)) : null,
    ctx.file ? attempt("file", () => readLatestCheckpointLine(ctx.file!, ctx.verifyKeys)) : null,
    ctx.repository && ctx.config ? attempt("registry", () => readLatestPushedCheckpoint(ctx.config!, ctx.repository!, ctx.verifyKeys)) : null,
  ]);
  if (!ctx.file && !ctx.repository) {
    warnings.push("checkpoints are kept only in the database: set audit.checkpoints.file and/or .repository so that deleting rows together with their checkpoints is detected");
  }
  const top = found.reduce<SignedCheckpoint | null>((a, f) => (!a || f.cp.seq > a.seq ? f.cp : a), null);
  const databaseSeq = found.find((f) => f.source === "database")?.cp.seq ?? null;
  if (!top) return { best: null, databaseSeq, warnings };
  const sources = found.filter((f) => f.cp.digest === top.digest).map((f) => f.source);
  return { best: { ...top, sources }, databaseSeq, warnings };
}

/** Every valid checkpoint known (database and file), one per seq, oldest first: to locate a rewrite once one is detected. */
export async function listKnownCheckpoints(ctx: CheckpointContext, client: AuditTx = db): Promise<SignedCheckpoint[]> {
  const bySeq = new Map<number, SignedCheckpoint>();
  if (ctx.useDatabase) {
    for (const r of await client.auditCheckpoint.findMany({ orderBy: { seq: "asc" }, select: { envelope: true } })) {
      const opened = openCheckpoint(r.envelope, ctx.verifyKeys);
      if (opened.ok) bySeq.set(opened.checkpoint.seq, opened.checkpoint);
    }
  }
  if (ctx.file) {
    for (const cp of await readAllCheckpointLines(ctx.file, ctx.verifyKeys).catch(() => [])) if (!bySeq.has(cp.seq)) bySeq.set(cp.seq, cp);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}
