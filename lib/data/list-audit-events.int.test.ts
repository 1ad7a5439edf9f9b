// Audit search against a real SQLite database: visibility by repository grant, filters and the seq cursor.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Grant } from "@/lib/access/types";
import { createSqliteDb } from "@/test/support/audit/create-sqlite-db";
import { writeAuditConfig, type AuditTestConfig } from "@/test/support/audit/write-audit-config";
import type { Actor } from "@/lib/access/actor";

let database: ReturnType<typeof createSqliteDb>;
let config: AuditTestConfig;
let listAuditEvents: typeof import("./list-audit-events").listAuditEvents;
let db: typeof import("@/lib/db").db;

const actor = (id: string, grants: Grant[]): Actor => ({ id, name: id, kind: "user", groups: [], access: { grants } });
const viewer = actor("local:vic", [{ role: "viewer", scope: "local/demo/fraud-*", via: "test" }]);
const admin = actor("local:ada", [{ role: "admin", scope: "*", via: "test" }]);

beforeAll(async () => {
  database = createSqliteDb();
  process.env.DATABASE_URL = database.url;
  config = writeAuditConfig({ signingKey: false });
  process.env.KITGATE_CONFIG = config.configPath;
  ({ listAuditEvents } = await import("./list-audit-events"));
  ({ db } = await import("@/lib/db"));
  const { recordAuditEvent } = await import("@/lib/audit/record-audit-event");
  const events = [
    { action: "approval.request", actorId: "local:dana", actorName: "Dana", repository: "local/demo/fraud-detection", environment: "staging" },
    { action: "approval.decision", actorId: "local:mia", actorName: "Mia", repository: "local/demo/churn-model", environment: "production" },
    { action: "approval.decision", actorId: "local:mia", actorName: "Mia", repository: "local/demo/fraud-detection", environment: "production" },
    { action: "auth.sign-in", actorId: "local:vic", actorName: "Vic", ip: "10.1.2.3" },
    { action: "auth.sign-in", actorId: "local:mia", actorName: "Mia", ip: "10.9.9.9" },
    { action: "report.export", actorId: "local:mia", actorName: "Mia", repository: "local/demo/churn-model" },
  ] as const;
  for (const e of events) await recordAuditEvent(e);
});

afterAll(async () => {
  await db?.$disconnect();
  database?.cleanup();
  config?.cleanup();
});

describe("listAuditEvents", () => {
  it("admins see every row newest first, with network origin", async () => {
    const page = await listAuditEvents(admin, {});
    expect(page.items.map((r) => r.seq)).toEqual([6, 5, 4, 3, 2, 1]);
    expect(page.items.find((r) => r.seq === 5)?.ip).toBe("10.9.9.9");
  });

  it("a viewer sees only rows of repositories they can read, and their own, without IPs", async () => {
    const page = await listAuditEvents(viewer, {});
    expect(page.items.map((r) => [r.seq, r.action, r.repository])).toEqual([
      [4, "auth.sign-in", null],
      [3, "approval.decision", "local/demo/fraud-detection"],
      [1, "approval.request", "local/demo/fraud-detection"],
    ]);
    expect(page.items.every((r) => r.ip === undefined)).toBe(true);
  });

  it("an API token sees only rows of repositories its scopes cover, not its owner's other activity (finding 9)", async () => {
    const owner = [{ role: "approver" as const, scope: "local/*", via: "test" }];
    const token: Actor = {
      id: "local:mia",
      name: "Mia (token ci)",
      kind: "token",
      groups: [],
      access: { grants: owner, tokenLimits: { scopes: ["local/demo/churn-*"], permissions: ["repository.read"] } },
    };
    const page = await listAuditEvents(token, {});
    expect(page.items.map((r) => [r.seq, r.action, r.repository])).toEqual([
      [6, "report.export", "local/demo/churn-model"],
      [2, "approval.decision", "local/demo/churn-model"],
    ]);
    // asked by name, the owner's decision on fraud-detection stays invisible, and so does the owner's sign-in
    expect((await listAuditEvents(token, { repository: "local/demo/fraud-detection" })).items).toEqual([]);
    expect((await listAuditEvents(token, { action: "auth." })).items).toEqual([]);
    // the same person signed in (no token) sees their own rows everywhere
    const person: Actor = { ...token, kind: "user", name: "Mia", access: { grants: owner } };
    expect((await listAuditEvents(person, { who: "mia" })).items.map((r) => r.seq)).toEqual([6, 5, 3, 2]);
    // a token without repository.read sees nothing at all
    const blind: Actor = { ...token, access: { grants: owner, tokenLimits: { scopes: ["*"], permissions: ["promotion.request"] } } };
    expect((await listAuditEvents(blind, {})).items).toEqual([]);
  });

  it("a viewer asking for another repository by name gets nothing", async () => {
    expect((await listAuditEvents(viewer, { repository: "local/demo/churn-model" })).items).toEqual([]);
  });

  it("filters by who, action prefix, environment and repository", async () => {
    expect((await listAuditEvents(admin, { who: "mia" })).items.map((r) => r.seq)).toEqual([6, 5, 3, 2]);
    expect((await listAuditEvents(admin, { action: "approval." })).items.map((r) => r.seq)).toEqual([3, 2, 1]);
    expect((await listAuditEvents(admin, { environment: "production", repository: "local/demo/churn-model" })).items.map((r) => r.seq)).toEqual([2]);
  });

  it("filters by period; a bare date means through the end of that day", async () => {
    const today = new Date().toISOString().slice(0, 10);
    expect((await listAuditEvents(admin, { from: new Date(today), to: new Date(today) })).items).toHaveLength(6);
    expect((await listAuditEvents(admin, { to: new Date("2000-01-01") })).items).toEqual([]);
  });

  it("pages with a cursor without repeating or skipping rows", async () => {
    const first = await listAuditEvents(admin, { limit: 4 });
    expect(first.items.map((r) => r.seq)).toEqual([6, 5, 4, 3]);
    const second = await listAuditEvents(admin, { limit: 4, cursor: first.next! });
    expect(second.items.map((r) => r.seq)).toEqual([2, 1]);
    expect(second.next).toBeNull();
  });

  it("anonymous callers must sign in", async () => {
    await expect(listAuditEvents({ id: "anonymous", name: "Anonymous", kind: "anonymous", groups: [], access: { grants: [] } }, {})).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });
});
