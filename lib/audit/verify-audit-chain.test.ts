import { describe, expect, it } from "vitest";
import { hashAuditRow } from "./hash-audit-row";
import { macAuditRow } from "./mac-audit-row";
import { verifyAuditChain } from "./verify-audit-chain";
import { GENESIS_HASH, type ChainedAuditRow } from "./types";

const KEY = Buffer.alloc(32, 7);
const KEYS = new Map([["k1", KEY]]);

/** Re-seals rows from `index` on, as someone with database access but without the MAC key would. */
function rehashFrom(rows: ChainedAuditRow[], index: number): void {
  for (let i = index; i < rows.length; i++) {
    const prevHash = i === 0 ? GENESIS_HASH : rows[i - 1]!.hash!;
    const base = { ...rows[i]!, prevHash };
    rows[i] = { ...base, hash: hashAuditRow(base) };
  }
}

/** Builds a correctly chained list the same way the writer does (with MACs). */
function chain(n: number): ChainedAuditRow[] {
  const rows: ChainedAuditRow[] = [];
  let prevHash = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const base = {
      seq: i,
      at: new Date(Date.UTC(2026, 10, 27, 12, 0, i)),
      actorId: `oidc:user-${i % 3}`,
      actorName: `User ${i % 3}`,
      action: i % 2 ? "approval.decision" : "auth.sign-in",
      target: `local/demo/fraud-detection@sha256:${String(i).padStart(64, "0")}`,
      repository: "local/demo/fraud-detection",
      environment: i % 2 ? "production" : null,
      ip: "127.0.0.1",
      userAgent: "test",
      details: { comment: `looks good ${i}`, nested: { b: 2, a: [1, "x"] } },
      prevHash,
    };
    const hash = hashAuditRow(base);
    const mac = macAuditRow("k1", KEY, { ...base, id: `row-${i}` });
    rows.push({ ...base, id: `row-${i}`, hash, mac });
    prevHash = hash;
  }
  return rows;
}

describe("verifyAuditChain", () => {
  it("accepts an intact chain and reports how many rows and the last hash", () => {
    const rows = chain(10);
    expect(verifyAuditChain(rows)).toEqual({ ok: true, checked: 10, lastHash: rows[9]!.hash });
  });

  it("accepts an empty chain", () => {
    expect(verifyAuditChain([])).toEqual({ ok: true, checked: 0 });
  });

  it("hash is independent of the key order the database returns JSON in", () => {
    const rows = chain(3);
    rows[1] = { ...rows[1]!, details: { nested: { a: [1, "x"], b: 2 }, comment: "looks good 2" } };
    expect(verifyAuditChain(rows).ok).toBe(true);
  });

  it("names the edited row when a row's details change", () => {
    const rows = chain(10);
    rows[4] = { ...rows[4]!, details: { comment: "approved by someone else" } };
    expect(verifyAuditChain(rows)).toEqual({ ok: false, checked: 4, firstBroken: { seq: 5, id: "row-5", reason: "hash-mismatch" } });
  });

  it("names the edited row when the actor is changed", () => {
    const rows = chain(6);
    rows[2] = { ...rows[2]!, actorName: "Mallory" };
    expect(verifyAuditChain(rows).firstBroken).toEqual({ seq: 3, id: "row-3", reason: "hash-mismatch" });
  });

  it("names the next row when a row was edited and re-hashed", () => {
    const rows = chain(6);
    const edited = { ...rows[2]!, details: { forged: true } };
    rows[2] = { ...edited, hash: hashAuditRow(edited) };
    expect(verifyAuditChain(rows).firstBroken).toEqual({ seq: 4, id: "row-4", reason: "prev-mismatch" });
  });

  it("names the row after a deleted one as a gap", () => {
    const rows = chain(8);
    rows.splice(3, 1);
    expect(verifyAuditChain(rows)).toEqual({ ok: false, checked: 3, firstBroken: { seq: 5, id: "row-5", reason: "gap" } });
  });

  it("detects a deleted first row", () => {
    const rows = chain(4).slice(1);
    expect(verifyAuditChain(rows).firstBroken).toEqual({ seq: 2, id: "row-2", reason: "gap" });
  });

  it("detects reordered rows", () => {
    const rows = chain(6);
    [rows[2], rows[3]] = [rows[3]!, rows[2]!];
    expect(verifyAuditChain(rows).firstBroken).toEqual({ seq: 4, id: "row-4", reason: "gap" });
  });

  it("detects rows renumbered to hide a reorder", () => {
    const rows = chain(6);
    const a = rows[2]!;
    const b = rows[3]!;
    rows[2] = { ...b, seq: 3 };
    rows[3] = { ...a, seq: 4 };
    expect(verifyAuditChain(rows).firstBroken).toEqual({ seq: 3, id: "row-4", reason: "hash-mismatch" });
  });

  it("treats an unchained row as broken", () => {
    const rows = chain(3);
    rows.push({ ...rows[2]!, id: "row-x", seq: null, hash: null });
    expect(verifyAuditChain(rows).firstBroken).toEqual({ seq: null, id: "row-x", reason: "hash-mismatch" });
  });

  it("verifies a window anchored on the row before it", () => {
    const rows = chain(10);
    expect(verifyAuditChain(rows.slice(5), { seq: 5, hash: rows[4]!.hash! })).toMatchObject({ ok: true, checked: 5 });
    expect(verifyAuditChain(rows.slice(5), { seq: 5, hash: rows[3]!.hash! }).firstBroken?.reason).toBe("prev-mismatch");
  });

  it("names the edited row exactly by its MAC when every hash after it was recomputed", () => {
    const rows = chain(12);
    rows[6] = { ...rows[6]!, details: { comment: "approved by someone else" } };
    rehashFrom(rows, 6);
    expect(verifyAuditChain(rows).ok).toBe(true);
    expect(verifyAuditChain(rows, undefined, { macKeys: KEYS }).firstBroken).toEqual({ seq: 7, id: "row-7", reason: "mac-mismatch" });
  });

  it("a MAC made with another key is not judged (key rotation), a missing key map judges nothing", () => {
    const rows = chain(4);
    expect(verifyAuditChain(rows, undefined, { macKeys: new Map([["k2", Buffer.alloc(32, 1)]]) }).ok).toBe(true);
  });

  it("a checkpoint's row that no longer has the signed hash is reported as rewritten", () => {
    const rows = chain(10);
    const signed = new Map([[8, rows[7]!.hash!]]);
    expect(verifyAuditChain(rows, undefined, { checkpoints: signed }).ok).toBe(true);
    rows[2] = { ...rows[2]!, actorName: "Mallory" };
    rehashFrom(rows, 2);
    expect(verifyAuditChain(rows, undefined, { checkpoints: signed }).firstBroken).toEqual({ seq: 8, id: "row-8", reason: "rewritten" });
  });
});
