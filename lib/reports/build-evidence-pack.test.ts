import { describe, expect, it } from "vitest";
import { buildEvidencePack } from "./build-evidence-pack";
import { evidenceFixture, FIXTURE_DIGEST } from "./evidence-fixture";

describe("buildEvidencePack", () => {
  it("carries identity, Kitfile summary, the approval chain with identities, promotions and the audit proof", () => {
    const pack = buildEvidencePack(evidenceFixture());
    expect(pack.modelKit).toMatchObject({ digest: FIXTURE_DIGEST, tags: ["1.0.0"], configDigest: `sha256:${"c".repeat(64)}` });
    expect(pack.kitfile).toMatchObject({ packageName: "fraud-detection", version: "1.0.0", model: { framework: "xgboost" }, datasets: 1 });
    expect(pack.approvals[0]!.decisions[0]).toEqual({
      approverId: "oidc:mia-sub",
      approverName: "Mia Manager",
      approverSubject: "mia-sub",
      approverGroups: ["managers"],
      decision: "approve",
      comment: "metrics look fine",
      at: "2026-11-27T11:00:00.000Z",
    });
    expect(pack.approvalNote).toBeNull();
    expect(pack.promotions).toEqual([expect.objectContaining({ requestId: "req-1", tag: "production", status: "succeeded" })]);
    expect(pack.policy).toEqual([expect.objectContaining({ environment: "staging", passed: null, error: "no policies configured" })]);
    expect(pack.audit.rows.map((r) => [r.seq, r.action, r.hashValid])).toEqual([
      [1, "approval.request", true],
      [2, "approval.decision", true],
    ]);
    expect(pack.audit.rows[1]!.prevHash).toBe(pack.audit.rows[0]!.hash);
    expect(pack.audit.chain).toEqual({ ok: true, mode: "full", checked: 2, headHash: pack.audit.rows[1]!.hash, headSeq: 2, findings: [], checkpoint: null });
  });

  it("marks a tampered audit row in the proof", () => {
    const input = evidenceFixture();
    input.auditRows[0] = { ...input.auditRows[0]!, actorName: "Someone Else" };
    expect(buildEvidencePack(input).audit.rows[0]!.hashValid).toBe(false);
  });

  it("says clearly when there is no approval chain", () => {
    expect(buildEvidencePack({ ...evidenceFixture(), approvals: [] }).approvalNote).toMatch(/no promotion .* requested/i);
    expect(buildEvidencePack({ ...evidenceFixture(), approvals: null }).approvalNote).toMatch(/not available/);
  });
});
