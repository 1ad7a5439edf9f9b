// Report downloads through the data layer: the demo ModelKits in an OCI layout, a seeded approval (request,
// decision, promotion) in a real SQLite database, audit rows written by the real chain writer. The PDF is read
// back with poppler's pdftotext, as a person reading it would.
import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DecisionsReport, EvidencePack } from "@/lib/reports/types";
import { createLayoutSource } from "@/lib/registry/layout/create-layout-source";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";
import { writeDemoData } from "@/test/support/fixtures/modelkits";
import type { Actor } from "@/lib/access/actor";

const run = promisify(execFile);
const ORIGIN = { ip: "127.0.0.1", userAgent: "vitest" };
const REPO = "local/demo/fraud-detection";

let dir: string;
let database: ReturnType<typeof createSqliteDb>;
let digest: string;
let exportReport: typeof import("./export-report").exportReport;
let db: typeof import("@/lib/db").db;

const actor = (id: string, name: string, scope: string): Actor => ({
  id,
  name,
  kind: "user",
  groups: [],
  access: { grants: [{ role: "viewer", scope, via: "test" }] },
});
const auditor = actor("local:ada", "Ada Auditor", "local/*");
const outsider = actor("local:olga", "Olga Outsider", "local/demo/churn-*");
const text = (body: Uint8Array | string) => (typeof body === "string" ? body : Buffer.from(body).toString("utf8"));

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-reports-"));
  const layout = path.join(dir, "layout");
  await writeDemoData(layout);
  digest = (await createLayoutSource({ name: "local", root: layout }).resolve("demo/fraud-detection", "1.0.0")).digest;
  await writeFile(
    path.join(dir, "kitgate.yaml"),
    ["registries:", "  - { name: local, layout: ./layout }", "cache: { dir: ./cache, maxBytes: 1073741824 }", `policies: ${path.resolve("policies")}`, "environments:", "  - { name: staging }", "  - { name: production, after: staging }", ""].join("\n"),
  );
  database = createSqliteDb();
  Object.assign(process.env, { KITGATE_CONFIG: path.join(dir, "kitgate.yaml"), DATABASE_URL: database.url });
  ({ exportReport } = await import("./export-report"));
  ({ db } = await import("@/lib/db"));
  const { recordAuditEvent } = await import("@/lib/audit/record-audit-event");

  await recordAuditEvent({ action: "auth.sign-in", actorId: "local:mia", actorName: "Mia Manager" });
  const request = await db.approvalRequest.create({
    data: {
      registry: "local",
      repository: "demo/fraud-detection",
      digest,
      environment: "production",
      state: "promoted",
      requesterId: "oidc:dana-sub",
      requesterName: "Dana Scientist",
      comment: "ready for production",
      approvalsRequired: 1,
      decisions: {
        create: [
          { approverId: "oidc:mia-sub", approverName: "Mia Manager", approverSubject: "mia-sub", approverGroups: ["managers"], decision: "approve", comment: "=HYPERLINK(\"x\") metrics fine", at: new Date("2026-11-20T10:00:00Z") },
          { approverId: "oidc:sam-sub", approverName: "Sam Security", approverGroups: ["security"], decision: "reject", comment: "old run", at: new Date("2025-01-01T10:00:00Z") },
        ],
      },
      promotions: { create: [{ kind: "promote", targetRepository: "demo/fraud-detection", tag: "production", digest, status: "succeeded" }] },
    },
  });
  await recordAuditEvent({ action: "approval.request", actorId: "oidc:dana-sub", actorName: "Dana Scientist", target: `${REPO}@${digest}`, repository: REPO, environment: "production", details: { requestId: request.id } });
  await recordAuditEvent({ action: "approval.decision", actorId: "oidc:mia-sub", actorName: "Mia Manager", target: `${REPO}@${digest}`, repository: REPO, environment: "production", details: { decision: "approve" } });
  await recordAuditEvent({ action: "approval.request", actorId: "oidc:dana-sub", target: "local/demo/churn-model@sha256:00", repository: "local/demo/churn-model" });
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
  await rm(dir, { recursive: true, force: true });
});

describe("evidence pack", () => {
  it("JSON names the digest, the Kitfile, policy per environment, the approver, the promotion and the chain proof", async () => {
    const file = await exportReport(auditor, { report: "evidence", ref: `${REPO}:1.0.0`, format: "json" }, ORIGIN);
    expect(file.contentType).toBe("application/json");
    const pack = JSON.parse(text(file.body)) as EvidencePack;
    expect(pack.modelKit).toMatchObject({ registry: "local", repository: "demo/fraud-detection", digest, tags: ["1.0.0"] });
    expect(pack.kitfile?.packageName).toBeTruthy();
    expect(pack.policy.map((p) => p.environment)).toEqual(["staging", "production"]);
    expect(pack.approvals).toHaveLength(1);
    expect(pack.approvals[0]!.decisions.map((d) => [d.approverName, d.decision, d.approverGroups])).toEqual([
      ["Sam Security", "reject", ["security"]],
      ["Mia Manager", "approve", ["managers"]],
    ]);
    expect(pack.promotions).toEqual([expect.objectContaining({ tag: "production", status: "succeeded", digest })]);
    // only this digest's audit rows, each with a valid hash, inside a verified chain
    expect(pack.audit.rows.map((r) => [r.seq, r.action, r.hashValid])).toEqual([
      [2, "approval.request", true],
      [3, "approval.decision", true],
    ]);
    expect(pack.audit.chain).toMatchObject({ ok: true, checked: 4 });
  });

  it("PDF names the digest and the approver; the export is itself audited", async () => {
    const file = await exportReport(auditor, { report: "evidence", ref: `${REPO}:1.0.0`, format: "pdf" }, ORIGIN);
    const pdfPath = path.join(dir, "evidence.pdf");
    await writeFile(pdfPath, file.body);
    const { stdout } = await run("pdftotext", ["-layout", pdfPath, "-"]);
    expect(stdout).toContain(digest);
    expect(stdout).toContain("APPROVE by Mia Manager (mia-sub; groups managers)");
    const exports = await db.auditEvent.findMany({ where: { action: "report.export" }, orderBy: { seq: "asc" } });
    expect(exports.at(-1)).toMatchObject({ actorId: "local:ada", repository: REPO, target: `${REPO}@${digest}`, details: expect.objectContaining({ report: "evidence", format: "pdf" }) });
  });

  it("a user who cannot read the repository gets NOT_FOUND and nothing is exported", async () => {
    const before = await db.auditEvent.count({ where: { action: "report.export" } });
    await expect(exportReport(outsider, { report: "evidence", ref: `${REPO}:1.0.0`, format: "json" }, ORIGIN)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.auditEvent.count({ where: { action: "report.export" } })).toBe(before);
  });
});

describe("decisions report", () => {
  it("JSON lists the period's decisions with identities and comments", async () => {
    const file = await exportReport(auditor, { report: "decisions", registry: "local", repository: "demo/fraud-detection", from: new Date("2026-01-01"), format: "json" }, ORIGIN);
    const report = JSON.parse(text(file.body)) as DecisionsReport;
    expect(report.decisions).toEqual([
      expect.objectContaining({ digest, environment: "production", decision: "approve", approverName: "Mia Manager", approverSubject: "mia-sub", requestState: "promoted", requesterName: "Dana Scientist" }),
    ]);
    expect(report.truncated).toBe(false);
  });

  it("CSV has a header, every decision, and neutralises formula cells", async () => {
    const file = await exportReport(auditor, { report: "decisions", registry: "local", repository: "demo/fraud-detection", format: "csv" }, ORIGIN);
    const lines = text(file.body).split("\r\n");
    expect(lines[0]).toBe("at,repository,digest,environment,decision,approverId,approverName,approverSubject,approverGroups,comment,requestId,requestState,requesterName");
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain("Sam Security");
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"") metrics fine"`);
  });

  it("PDF lists the decisions", async () => {
    const file = await exportReport(auditor, { report: "decisions", registry: "local", repository: "demo/fraud-detection", format: "pdf" }, ORIGIN);
    const pdfPath = path.join(dir, "decisions.pdf");
    await writeFile(pdfPath, file.body);
    const { stdout } = await run("pdftotext", [pdfPath, "-"]);
    expect(stdout).toContain("Mia Manager");
    expect(stdout).toContain("REJECT");
  });

  it("another repository's decisions are NOT_FOUND for a user without access", async () => {
    await expect(exportReport(outsider, { report: "decisions", registry: "local", repository: "demo/fraud-detection", format: "json" }, ORIGIN)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
