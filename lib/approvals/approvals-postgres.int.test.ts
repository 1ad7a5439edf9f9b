// The approval transaction on PostgreSQL (true concurrent writers, unlike SQLite's single writer): 200 approvals
// fired at once on one request needing 3 → exactly 3 decisions, one transition, an intact audit chain.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres } from "@/test/support/audit/start-postgres";
import { writeDemoData } from "@/test/support/fixtures/modelkits";

type Actor = import("@/lib/access/actor").Actor;

let cluster: Awaited<ReturnType<typeof startPostgres>>;
let dir: string;
let db: typeof import("@/lib/db").db;
let requestPromotion: typeof import("@/lib/data/request-promotion").requestPromotion;
let decideApproval: typeof import("@/lib/data/decide-approval").decideApproval;
let verifyStoredAuditChain: typeof import("@/lib/audit/verify-stored-audit-chain").verifyStoredAuditChain;
let makeActor: (id: string, groups: string[]) => Actor;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-approvals-pg-"));
  await writeDemoData(path.join(dir, "layout"));
  await writeFile(
    path.join(dir, "kitgate.yaml"),
    ["registries:", "  - { name: local, layout: ./layout }", "cache: { dir: ./cache, maxBytes: 1073741824 }", "environments:", "  - { name: load, approvals: 3 }", ""].join("\n"),
  );
  cluster = await startPostgres();
  Object.assign(process.env, { KITGATE_CONFIG: path.join(dir, "kitgate.yaml"), DATABASE_URL: cluster.url });
  const { resolveGrants } = await import("@/lib/access/resolve-grants");
  const rules = [
    { group: "data-scientists", role: "contributor" as const, scope: "local/*" },
    { group: "load", role: "approver" as const, scope: "local/*" },
  ];
  makeActor = (id, groups) => ({ id, name: id, kind: "user", groups, access: { grants: resolveGrants(rules, { kind: "user", id, groups }) } });
  ({ db } = await import("@/lib/db"));
  ({ requestPromotion } = await import("@/lib/data/request-promotion"));
  ({ decideApproval } = await import("@/lib/data/decide-approval"));
  ({ verifyStoredAuditChain } = await import("@/lib/audit/verify-stored-audit-chain"));
}, 120_000);

afterAll(async () => {
  try {
    await db?.$disconnect();
  } finally {
    cluster?.stop();
    if (dir) await rm(dir, { recursive: true, force: true });
  }
});

describe("approvals on PostgreSQL", () => {
  it("200 simultaneous approvals of one request (3 needed): exactly one transition and exactly 3 decisions", async () => {
    const gate = async () => ({ passed: true, policyDigest: null });
    const req = await requestPromotion(makeActor("oidc:scientist", ["data-scientists"]), { ref: "local/demo/fraud-detection:1.0.0", environment: "load" }, { gate });
    const approvers = Array.from({ length: 200 }, (_, i) => makeActor(`oidc:approver-${i}`, ["load"]));
    const results = await Promise.allSettled(approvers.map((a) => decideApproval(a, { id: req.id, decision: "approve" }, { promote: false })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(3);
    for (const r of results) if (r.status === "rejected") expect((r.reason as { status?: number }).status).toBe(409);

    const row = await db.approvalRequest.findUniqueOrThrow({ where: { id: req.id }, include: { decisions: true } });
    expect(row).toMatchObject({ state: "approved", version: 3 });
    expect(row.decisions).toHaveLength(3);
    const transitions = await db.auditEvent.count({ where: { action: "approval.transition", environment: "load" } });
    expect(transitions).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "approval.decision", environment: "load" } })).toBe(3);
    expect(await verifyStoredAuditChain()).toMatchObject({ ok: true });
  }, 300_000);
});
