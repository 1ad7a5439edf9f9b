// Issue 10, finding 4 (medium): "the audit chain can be truncated or rewritten undetected" — deleting the last 5 rows,
// or editing row 7 and re-hashing the rest, both verified "intact". Against the production server: both are now
// reported by GET /api/v1/audit/verify and on /audit with sequence numbers, because rows carry a MAC made with a key
// outside the database and the chain is sealed by checkpoints signed with that key and kept outside the database.
import { existsSync, readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashAuditRow } from "@/lib/audit/hash-audit-row";
import type { ChainVerification } from "@/lib/audit/types";
import { startAuditServer, type AuditServer } from "./audit-server";

let s: AuditServer;
let admin: string;
type Row = Record<string, unknown> & { id: string; seq: number };

const verify = async (): Promise<ChainVerification> => {
  const res = await s.get(admin, "/api/v1/audit/verify");
  expect(res.status).toBe(200);
  return (await res.json()) as ChainVerification;
};

/** Seqs of the complete lines: the server may have created the file, or be mid-line, when the test reads it. */
const checkpointSeqs = (): number[] =>
  existsSync(s.checkpointFile)
    ? readFileSync(s.checkpointFile, "utf8")
        .split("\n")
        .flatMap((l) => {
          const m = /^\{"seq":(\d+),/.exec(l);
          return m && l.endsWith("}") ? [Number(m[1])] : [];
        })
    : [];

/** Verifies until a checkpoint in the file seals the current head (a verification signs one in the background). */
async function sealedHead(): Promise<number> {
  for (let i = 0; i < 200; i++) {
    const head = (await verify()).head!.seq;
    if (checkpointSeqs().includes(head)) return head;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no checkpoint sealed the head");
}

function saved(): { events: Row[]; checkpoints: Record<string, unknown>[] } {
  return s.sql((db) => ({
    events: db.prepare(`SELECT * FROM "AuditEvent" ORDER BY seq`).all() as Row[],
    checkpoints: db.prepare(`SELECT * FROM "AuditCheckpoint"`).all() as Record<string, unknown>[],
  }));
}

function restore(snap: ReturnType<typeof saved>): void {
  s.sql((db) => {
    db.exec(`DELETE FROM "AuditEvent"; DELETE FROM "AuditCheckpoint";`);
    for (const [table, rows] of [["AuditEvent", snap.events], ["AuditCheckpoint", snap.checkpoints]] as const) {
      for (const r of rows) {
        const cols = Object.keys(r);
        db.prepare(`INSERT INTO "${table}" (${cols.map((c) => `"${c}"`).join(",")}) VALUES (${cols.map(() => "?").join(",")})`).run(...cols.map((c) => r[c]));
      }
    }
  });
}

beforeAll(async () => {
  s = await startAuditServer({ users: ["viewer"], grants: ['{ group: g-viewer, role: viewer, scope: "local/demo/fraud-*" }'] });
  admin = await s.cookie("admin");
  // audit rows of real traffic: sign-ins, failed sign-ins, a denied admin call
  const viewer = await s.cookie("viewer");
  for (let i = 0; i < 10; i++) expect((await s.get(viewer, "/api/v1/audit/verify")).status).toBe(403);
}, 180_000);

afterAll(async () => {
  await s?.stop();
});

describe("security: finding 4 — audit truncation and rewrites are detected (signed checkpoints outside the database)", () => {
  it("a verification signs a checkpoint at the head into the file outside the database; the next one starts from it", async () => {
    const first = await verify();
    expect(first).toMatchObject({ ok: true });
    const head = first.head!.seq;
    expect(head).toBeGreaterThanOrEqual(12);
    for (let i = 0; i < 100 && !checkpointSeqs().includes(head); i++) await new Promise((r) => setTimeout(r, 100));
    expect(checkpointSeqs()).toContain(head);
    const second = await verify();
    expect(second).toMatchObject({ ok: true, mode: "incremental", checkpoint: { seq: head } });
    expect(second.checkpoint!.sources.sort()).toEqual(["database", "file"]);
  });

  it("deleting the last 5 rows (and the checkpoints in the database) is reported as truncated, with their seq", async () => {
    const head = await sealedHead();
    const before = saved();
    s.sql((db) => db.exec(`DELETE FROM "AuditEvent" WHERE seq > ${head - 5}; DELETE FROM "AuditCheckpoint";`));
    try {
      const result = await verify();
      expect(result.ok).toBe(false);
      // The gap starts at head-4 unless a row appended since (sign-in, the verification's own) took seq head-4 again.
      expect(result.findings).toEqual([expect.objectContaining({ reason: "truncated", toSeq: head })]);
      expect(result.findings![0]!.seq).toBeGreaterThanOrEqual(head - 4);
      expect(result.findings![0]!.seq).toBeLessThanOrEqual(head);
      expect(result.checkpoint?.sources).toEqual(["file"]);
      // (the log goes on: a background verification may already have appended its own row after the gap)
      const page = await (await s.get(admin, "/audit")).text();
      expect(page).toMatch(new RegExp(`rows \\d+–${head} are missing: the chain ends at seq \\d+, but checkpoint #${head}`));
    } finally {
      restore(before);
    }
    expect((await verify()).ok).toBe(true);
  });

  it("editing row 7 and re-hashing every row after it is reported at row 7", async () => {
    await sealedHead();
    const before = saved();
    const rows = s.sql((db) => db.prepare(`SELECT * FROM "AuditEvent" WHERE seq >= 6 ORDER BY seq`).all() as Row[]);
    let prevHash = rows[0]!.hash as string;
    s.sql((db) => {
      db.prepare(`UPDATE "AuditEvent" SET "actorName" = 'Mallory' WHERE seq = 7`).run();
      const update = db.prepare(`UPDATE "AuditEvent" SET "prevHash" = ?, "hash" = ? WHERE id = ?`);
      for (const r of rows.slice(1)) {
        const row = {
          seq: r.seq,
          at: new Date(r.at as number | string),
          actorId: r.actorId as string | null,
          actorName: r.seq === 7 ? "Mallory" : (r.actorName as string | null),
          action: r.action as string,
          target: r.target as string | null,
          repository: r.repository as string | null,
          environment: r.environment as string | null,
          ip: r.ip as string | null,
          userAgent: r.userAgent as string | null,
          details: r.details === null ? null : JSON.parse(r.details as string),
          prevHash,
        };
        const hash = hashAuditRow(row);
        update.run(prevHash, hash, r.id);
        prevHash = hash;
      }
    });
    try {
      const result = await verify();
      expect(result.ok).toBe(false);
      expect(result.firstBroken).toMatchObject({ seq: 7, reason: "mac-mismatch" });
      expect(await (await s.get(admin, "/audit")).text()).toContain("Audit chain <strong>broken</strong>");
    } finally {
      restore(before);
    }
    expect((await verify()).ok).toBe(true);
  });
});
