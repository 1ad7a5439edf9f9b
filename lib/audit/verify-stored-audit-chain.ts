import "server-only";
import { db } from "@/lib/db";
import type { AuditTx } from "./audit-tx";
import { findLatestCheckpoint, listKnownCheckpoints, type CheckpointContext } from "./checkpoint/checkpoint-sources";
import type { SignedCheckpoint } from "./checkpoint/checkpoint-statement";
import { hashAuditRow } from "./hash-audit-row";
import { checkAuditRowMac, type MacKeys } from "./mac-audit-row";
import { readChainHead } from "./seal-audit-rows";
import { walkStoredRows } from "./walk-stored-rows";
import { GENESIS_HASH, type AuditFinding, type ChainVerification, type CheckpointRef } from "./types";

/** Unsealed rows inspected one by one (MAC) per verification; beyond that they are counted. */
const MAX_UNSEALED_INSPECTED = 100;
/**
 * A row MACed with a key this process does not hold is another replica's during a key rotation, which seals it within
 * seconds; still unsealed after this long, it is reported (its key id may be made up).
 */
const FOREIGN_KEY_GRACE_MS = 5 * 60_000;

export interface VerifyStoredOptions {
  /** `full` (default): every row; `incremental`: the latest signed checkpoint and the rows after it */
  mode?: "full" | "incremental";
  client?: AuditTx;
  /** MAC keys (the server's audit key): names an edited row exactly even when every later hash was recomputed */
  macKeys?: MacKeys;
  /** where signed checkpoints are read from; without it only the rows themselves are checked */
  checkpoints?: CheckpointContext | null;
  /**
   * Incremental only: re-hash at most this many rows (a page view's bound). Rows beyond it — a checkpoint far behind
   * the head, or no signed checkpoint at all — are counted in `unchecked` and left to the full verification.
   */
  maxRows?: number;
}

const toRef = (cp: SignedCheckpoint, sources: string[]): CheckpointRef => ({
  seq: cp.seq,
  hash: cp.hash,
  time: cp.time,
  digest: cp.digest,
  sources,
  envelope: cp.envelope,
});

/**
 * Verifies the stored chain. Full mode recomputes every row (hashes, links, MACs) and compares each checkpoint's row
 * with the hash it signed. Incremental mode trusts no stored state either, but reads only what can have changed
 * cheaply: the row sealed by the newest signed checkpoint (a rewrite of any earlier row, re-hashed forward, changes
 * it; a truncation removes it), the number of rows up to it (a deleted row), and every row after it. An edit of an
 * old row that leaves its hash column alone is found by the next full verification (scheduled, and
 * `npm run audit:verify -- --full`).
 */
export async function verifyStoredAuditChain(opts: VerifyStoredOptions = {}): Promise<ChainVerification> {
  const started = performance.now();
  const client = opts.client ?? db;
  const ctx = opts.checkpoints ?? null;
  const latest = ctx ? await findLatestCheckpoint(ctx, client) : null;
  const best = latest?.best ?? null;
  const head = opts.mode === "incremental" && opts.maxRows !== undefined ? await readChainHead(client) : null;
  // without a signed checkpoint, a bounded view checks the newest rows against each other, anchored on a stored row
  const window = !best && head && head.seq > opts.maxRows! ? await windowAnchor(client, head.seq - opts.maxRows!) : null;
  const mode = opts.mode === "incremental" && (best || window) ? "incremental" : "full";
  const findings: AuditFinding[] = [];
  const warnings = [...(latest?.warnings ?? [])];
  const walkOpts = { ...(opts.macKeys ? { macKeys: opts.macKeys } : {}) };
  let checked = 0;
  let unchecked = 0;
  let anchor = { seq: 0, hash: GENESIS_HASH };

  if (mode === "incremental" && best) {
    const sealedOk = await checkSealedPart(client, ctx!, best, walkOpts.macKeys, findings);
    checked += sealedOk.checked;
    anchor = sealedOk.anchor;
  } else if (mode === "incremental" && window) {
    anchor = window;
    unchecked = window.seq;
    warnings.push(
      `no signed checkpoint: this view re-hashed only the newest ${opts.maxRows} rows (each against the one before it); the ${window.seq} before them are left to the full verification (npm run audit:verify -- --full)`,
    );
  } else if (best || ctx) {
    const known = ctx ? await listKnownCheckpoints(ctx, client) : [];
    if (best && !known.some((k) => k.seq === best.seq)) known.push(best);
    known.sort((a, b) => a.seq - b.seq);
    const walk = await walkStoredRows(client, anchor, { ...walkOpts, checkpoints: new Map(known.map((k) => [k.seq, k.hash])) });
    checked += walk.checked;
    if (!walk.ok) findings.push(describeBreak(walk.firstBroken!, known));
    else {
      anchor = walk.last;
      if (best && anchor.seq < best.seq) findings.push(truncation(anchor.seq, best));
    }
  }

  if (findings.length === 0 || mode === "incremental") {
    const limit = mode === "incremental" && head && opts.maxRows !== undefined && head.seq - anchor.seq > opts.maxRows ? anchor.seq + opts.maxRows : undefined;
    if (limit !== undefined) {
      unchecked += head!.seq - limit;
      warnings.push(
        `the newest checkpoint (#${anchor.seq}) is ${head!.seq - anchor.seq} rows behind the head: this view re-hashed the ${opts.maxRows} rows after it; the ${head!.seq - limit} after seq ${limit} are left to the next checkpoint and the full verification`,
      );
    }
    const tail = await walkStoredRows(client, anchor, { ...walkOpts, ...(limit !== undefined ? { toSeq: limit } : {}) });
    checked += tail.checked;
    if (!tail.ok) findings.push(describeBreak(tail.firstBroken!, []));
    anchor = tail.ok ? tail.last : anchor;
  }
  await inspectUnsealed(client, opts.macKeys, findings, warnings, checked > 0 || best !== null);
  if (best && findings.length > 0) {
    const first = await client.auditEvent.findUnique({ where: { seq: 1 }, select: { hash: true } });
    if (first?.hash !== best.chain) {
      warnings.push(
        `checkpoint #${best.seq} was signed for a chain whose first row hashes to ${best.chain}, but this database's first row ${first ? `hashes to ${first.hash}` : "is missing"}: the log was rewritten from its first row, or the database was replaced. If it was replaced on purpose, archive the old checkpoint file and repository and start new ones.`,
      );
    }
  }
  if (best && latest!.databaseSeq !== null && latest!.databaseSeq < best.seq && findings.length === 0) {
    warnings.push(`the database's newest checkpoint is #${latest!.databaseSeq} but #${best.seq} was published (${best.sources.join(", ")}): checkpoint rows were deleted`);
  }
  return finish();

  async function finish(): Promise<ChainVerification> {
    findings.sort((a, b) => (a.seq ?? Number.MAX_SAFE_INTEGER) - (b.seq ?? Number.MAX_SAFE_INTEGER));
    const chainHead = await readChainHead(client);
    const first = findings[0];
    return {
      ok: findings.length === 0,
      mode,
      checked,
      ...(unchecked > 0 ? { unchecked } : {}),
      ...(findings.length === 0 && chainHead ? { lastHash: chainHead.hash } : {}),
      head: chainHead,
      ...(first ? { firstBroken: { seq: first.seq, ...(first.id ? { id: first.id } : {}), reason: first.reason } } : {}),
      findings,
      checkpoint: best ? toRef(best, best.sources) : null,
      warnings,
      durationMs: Math.round(performance.now() - started),
    };
  }
}

/**
 * Incremental mode's check of everything up to the newest checkpoint, without reading those rows: the checkpoint's
 * own row (present, unchanged, hash recomputed) and the row count below it. On a mismatch it locates the damage
 * (which costs reads, but only when something is wrong). Returns where the walk of the newer rows starts.
 */
async function checkSealedPart(
  client: AuditTx,
  ctx: CheckpointContext,
  best: SignedCheckpoint,
  macKeys: MacKeys | undefined,
  findings: AuditFinding[],
): Promise<{ checked: number; anchor: { seq: number; hash: string } }> {
  const row = await client.auditEvent.findUnique({ where: { seq: best.seq } });
  if (!row) {
    const head = await readChainHead(client);
    if (!head || head.seq < best.seq) {
      findings.push(truncation(head?.seq ?? 0, best));
      return { checked: 0, anchor: head ?? { seq: 0, hash: GENESIS_HASH } };
    }
  }
  const intact = row && row.hash === best.hash && hashAuditRow({ ...row, details: row.details ?? null }) === best.hash;
  if (!intact) {
    findings.push(...(await locateRewrite(client, ctx, best, macKeys)));
    return { checked: 1, anchor: row ? { seq: row.seq!, hash: row.hash! } : { seq: best.seq, hash: best.hash } };
  }
  const count = await client.auditEvent.count({ where: { seq: { lte: best.seq } } });
  if (count !== best.seq) {
    const missing = await firstMissingSeq(client, best.seq);
    const next = await client.auditEvent.findFirst({ where: { seq: { gt: missing } }, orderBy: { seq: "asc" }, select: { id: true } });
    findings.push({
      reason: "gap",
      seq: missing,
      ...(next ? { id: next.id } : {}),
      message: `${best.seq - count} row(s) sealed by checkpoint #${best.seq} are missing, the first at seq ${missing} (deleted)`,
    });
  }
  return { checked: 1, anchor: { seq: best.seq, hash: best.hash } };
}

/** Binary search on "rows with seq ≤ m number m": the first seq that is missing. */
async function firstMissingSeq(client: AuditTx, upTo: number): Promise<number> {
  let lo = 1;
  let hi = upTo;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const n = await client.auditEvent.count({ where: { seq: { lte: mid } } });
    if (n === mid) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The newest checkpoint's row no longer hashes to what was signed. The rewrite started after the last checkpoint
 * whose row still matches (checkpoints are monotone: a rewrite re-hashed forward changes every later sealed row) and
 * at or before the first that does not; walking that range with the MAC keys names the edited row exactly.
 */
async function locateRewrite(client: AuditTx, ctx: CheckpointContext, best: SignedCheckpoint, macKeys: MacKeys | undefined): Promise<AuditFinding[]> {
  const known = await listKnownCheckpoints(ctx, client);
  if (!known.some((k) => k.seq === best.seq)) known.push(best);
  known.sort((a, b) => a.seq - b.seq);
  const matches = async (cp: SignedCheckpoint) => (await client.auditEvent.findUnique({ where: { seq: cp.seq }, select: { hash: true } }))?.hash === cp.hash;
  let lo = 0;
  let hi = known.length - 1; // known[hi] does not match
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (await matches(known[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  const broken = known[lo]!;
  const before = lo > 0 ? known[lo - 1]! : null;
  const walk = await walkStoredRows(client, before ? { seq: before.seq, hash: before.hash } : { seq: 0, hash: GENESIS_HASH }, {
    ...(macKeys ? { macKeys } : {}),
    checkpoints: new Map([[broken.seq, broken.hash]]),
    toSeq: broken.seq,
  });
  if (!walk.ok) return [describeBreak(walk.firstBroken!, known)];
  return [truncation(walk.last.seq, broken)];
}

function truncation(lastSeq: number, cp: SignedCheckpoint): AuditFinding {
  return {
    reason: "truncated",
    seq: lastSeq + 1,
    toSeq: cp.seq,
    message: `rows ${lastSeq + 1}–${cp.seq} are missing: the chain ends at seq ${lastSeq}, but checkpoint #${cp.seq} signed at ${cp.time} sealed it up to seq ${cp.seq}`,
  };
}

const REASON_TEXT = {
  "hash-mismatch": "its stored hash does not match its content (edited, or inserted outside Kitgate)",
  "prev-mismatch": "its prevHash is not the previous row's hash (a row before it was edited and re-hashed, or rows were moved)",
  gap: "its seq does not follow the previous row's (rows were deleted or renumbered)",
  "mac-mismatch": "its content was changed without Kitgate's key (the hashes after it were recomputed to hide it)",
  rewritten: "its hash differs from the one a signed checkpoint sealed (rows up to it were rewritten)",
  truncated: "rows sealed by a checkpoint are missing",
  unsealed: "it is not in the chain and its MAC does not verify (inserted outside Kitgate)",
} as const;

/** A walk's first break as a finding; a bare checkpoint mismatch is widened to the range since the previous checkpoint. */
function describeBreak(b: NonNullable<ChainVerification["firstBroken"]>, known: readonly SignedCheckpoint[]): AuditFinding {
  if (b.reason === "rewritten" && b.seq !== null) {
    const before = known.filter((k) => k.seq < b.seq!).at(-1);
    const from = (before?.seq ?? 0) + 1;
    return {
      reason: "rewritten",
      seq: from,
      toSeq: b.seq,
      ...(b.id ? { id: b.id } : {}),
      message: `rows between seq ${from} and ${b.seq} were rewritten after checkpoint #${b.seq} was signed (row ${b.seq} no longer has the sealed hash)`,
    };
  }
  return { reason: b.reason, seq: b.seq, ...(b.id ? { id: b.id } : {}), message: `row ${b.seq ?? "(no seq)"}: ${REASON_TEXT[b.reason]}` };
}

/**
 * Rows outside the chain. Committed rows the chainer has not sealed yet carry a valid MAC and are not findings; a row
 * without one (or with a wrong one) was inserted behind Kitgate's back. Rows of an empty chain are legacy rows.
 */
async function inspectUnsealed(client: AuditTx, macKeys: MacKeys | undefined, findings: AuditFinding[], warnings: string[], chainStarted: boolean): Promise<void> {
  if (!chainStarted) return;
  const rows = await client.auditEvent.findMany({ where: { seq: null }, orderBy: [{ at: "asc" }, { id: "asc" }], take: MAX_UNSEALED_INSPECTED });
  let pending = 0;
  for (const r of rows) {
    const check = macKeys ? checkAuditRowMac(macKeys, { ...r, details: r.details ?? null }) : r.mac ? "unknown-key" : "none";
    if (check === "ok" || (check === "unknown-key" && Date.now() - r.at.getTime() < FOREIGN_KEY_GRACE_MS)) {
      pending++;
      continue;
    }
    findings.push({ reason: "unsealed", seq: null, id: r.id, message: `row ${r.id} (${r.action}, ${r.at.toISOString()}): ${REASON_TEXT.unsealed}` });
  }
  if (pending > 0) warnings.push(`${pending} row(s) are waiting to be sealed into the chain${macKeys ? "" : " (their MACs cannot be checked without the key)"}`);
}

/** The stored row a bounded view starts after (trusted as the anchor, like a checkpoint's row but unsigned). */
async function windowAnchor(client: AuditTx, seq: number): Promise<{ seq: number; hash: string } | null> {
  const row = await client.auditEvent.findUnique({ where: { seq }, select: { seq: true, hash: true } });
  return row?.hash ? { seq, hash: row.hash } : null;
}
