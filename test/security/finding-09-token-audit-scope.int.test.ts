// Issue 10, finding 9 (low): "token scopes do not limit the audit view" — a token scoped to local/demo/churn-* read
// its owner's audit rows for fraud-detection. Against the production server: such a token now reads only rows of
// repositories its scopes cover; its owner, signed in, still sees everything of theirs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AuditEventDTO } from "@/lib/audit/types";
import { startAuditServer, type AuditServer } from "./audit-server";

let s: AuditServer;
let mia: string;
let token: string;

const rows = async (auth: string, query = ""): Promise<AuditEventDTO[]> => {
  const res = await s.get(auth, `/api/v1/audit?limit=200${query}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { items: AuditEventDTO[] }).items;
};

beforeAll(async () => {
  s = await startAuditServer({ users: ["mia"], grants: ['{ group: g-mia, role: approver, scope: "local/*" }'] });
  mia = await s.cookie("mia");
  // mia's own activity on two repositories: decisions-report exports are audited with the repository
  for (const repo of ["local/demo/fraud-detection", "local/demo/churn-model"]) {
    expect((await s.get(mia, `/api/v1/reports/decisions?repository=${repo}&format=json`)).status).toBe(200);
  }
  const created = await s.post(mia, "/api/v1/tokens", { name: "churn-ci", scopes: ["local/demo/churn-*"], permissions: ["repository.read", "report.download"] });
  expect(created.status).toBe(201);
  token = ((await created.json()) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  await s?.stop();
});

describe("security: finding 9 — API token scopes limit the audit view", () => {
  it("the owner, signed in, sees their rows on both repositories and their sign-in", async () => {
    const own = await rows(mia);
    expect(own.filter((r) => r.action === "report.export").map((r) => r.repository).sort()).toEqual(["local/demo/churn-model", "local/demo/fraud-detection"]);
    expect(own.some((r) => r.action === "auth.sign-in")).toBe(true);
  });

  it("a token scoped to local/demo/churn-* sees churn rows only — not fraud-detection, not the owner's sign-ins or tokens", async () => {
    const seen = await rows(token);
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((r) => r.repository))).toEqual(new Set(["local/demo/churn-model"]));
    expect(await rows(token, "&repository=local/demo/fraud-detection")).toEqual([]);
    expect(await rows(token, "&action=auth.")).toEqual([]);
    expect(await rows(token, "&action=token.")).toEqual([]);
  });
});
