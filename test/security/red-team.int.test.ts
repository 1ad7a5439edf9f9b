// Red-team findings of issue 10, one test each, against the production server (`next start`). Each test name
// starts with the finding it guards; the permission matrix (test/permission-matrix.int.test.ts) guards the rest.
import Database from "better-sqlite3";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encode } from "next-auth/jwt";
import Papa from "papaparse";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKitgate } from "../support/auth/start-kitgate";
import {
  addLayoutTag,
  copyDemoRepository,
  sessionCookie,
  signInRequest,
  signOutRequest,
  startSecurityFixture,
  writeConfig,
  type SecurityFixture,
} from "./security-fixture";

let f: SecurityFixture;

beforeAll(async () => {
  f = await startSecurityFixture();
}, 120_000);

afterAll(async () => {
  await f?.stop();
});

function sql(): Database.Database {
  return new Database(f.dbFile);
}

/** An approval request (and optionally a decision) written straight into the database, as the workflow would. */
function insertRequest(repository: string, decisionComment?: string): string {
  const id = `sec${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  const now = Date.now();
  const db = sql();
  db.prepare(
    `INSERT INTO "ApprovalRequest" ("id","registry","repository","digest","environment","state","requesterId","requesterName","reference","createdAt","updatedAt")
     VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
  ).run(id, "local", repository, `sha256:${"a".repeat(64)}`, "production", "awaiting-approval", "local:contributor", "Contributor", "1.0.0", now, now);
  if (decisionComment !== undefined) {
    db.prepare(
      `INSERT INTO "ApprovalDecision" ("id","requestId","approverId","approverName","approverGroups","decision","comment","at") VALUES (?,?,?,?,?,?,?,?)`,
    ).run(`d${id}`, id, "local:approver", "Approver", "[]", "reject", decisionComment, now);
  }
  db.close();
  return id;
}

describe("red-team findings", () => {
  it("finding 1: a session cookie forged with the formerly built-in secret is refused; one signed with the real secret works", async () => {
    const admin = await f.cookie("admin"); // creates the User row a forged cookie would name
    const forged = async (secret: string) =>
      `next-auth.session-token=${await encode({ token: { sub: "local:admin", name: "admin", groups: ["g-admin"] }, secret })}`;
    // the string that signed every demo session before the fix (kept here only to prove it no longer works)
    const old = await f.send(await forged("kitgate-dev-only-session-secret-do-not-use-in-production"), "GET", "/api/v1/tokens?all=1");
    expect(old.status).toBe(401);
    expect((await f.send(admin, "GET", "/api/v1/tokens?all=1")).status).toBe(200);
  });

  it("finding 2: ReDoS scopes are refused, a token cannot be wider than its owner, and a stored hostile scope costs nothing", async () => {
    const viewer = await f.cookie("viewer");
    const create = (scopes: string[]) => f.send(viewer, "POST", "/api/v1/tokens", { name: "ci", scopes, permissions: ["repository.read"] });
    const evil = await create(["local/*?*?*?*?*?*?X"]);
    expect(evil.status).toBe(422);
    const wide = await create(["local/*"]);
    expect(wide.status).toBe(422);
    expect(((await wide.json()) as { error: { message: string } }).error.message).toMatch(/wider than your access/);
    const ok = await create(["local/demo/fraud-*"]);
    expect(ok.status).toBe(201);
    const { token, info } = (await ok.json()) as { token: string; info: { id: string } };

    // a token stored before the new grammar, with the scope that froze the server for 45 s per request
    const db = sql();
    db.prepare(`UPDATE "ApiToken" SET "scopes" = ? WHERE "id" = ?`).run(JSON.stringify([`local/${"*?".repeat(12)}X`]), info.id);
    db.close();
    const long = `demo/${"a".repeat(60)}`;
    const started = performance.now();
    const hostile = await Promise.all(
      Array.from({ length: 10 }, () => f.send(token, "GET", `/api/v1/versions?repository=local/${long}`)),
    );
    const health = performance.now();
    expect((await fetch(`${f.app.baseUrl}/api/health`)).status).toBe(200);
    const healthMs = performance.now() - health;
    const totalMs = performance.now() - started;
    console.log(`finding 2: 10 requests with a hostile stored scope + /api/health took ${totalMs.toFixed(0)} ms (health ${healthMs.toFixed(0)} ms)`);
    // the invalid scope covers nothing: not found, like any repository the token cannot see
    expect(hostile.map((r) => r.status)).toEqual(Array(10).fill(404));
    expect(healthMs).toBeLessThan(5_000);
  });

  it("finding 8: decision, revoke and promote on another repository's request answer exactly like a missing id", async () => {
    const outsider = await f.cookie("outsider");
    const theirs = insertRequest("demo/fraud-detection");
    for (const action of ["decision", "revoke", "promote"]) {
      const body = action === "decision" ? { decision: "approve" } : {};
      const real = await f.send(outsider, "POST", `/api/v1/approvals/${theirs}/${action}`, body);
      const random = await f.send(outsider, "POST", `/api/v1/approvals/${theirs.replace(/.$/, "x")}/${action}`, body);
      const realBody = JSON.stringify(await real.json()).replaceAll(theirs, "ID");
      const randomBody = JSON.stringify(await random.json()).replaceAll(theirs.replace(/.$/, "x"), "ID");
      expect({ action, status: real.status, body: realBody }).toEqual({ action, status: 404, body: randomBody });
      expect(realBody).not.toContain("fraud");
    }
    expect((await f.send(outsider, "GET", `/api/v1/approvals/${theirs}`)).status).toBe(404);
  });

  it("finding 11: the decisions CSV neutralises formulas hidden behind leading whitespace, tab or CR", async () => {
    const payloads = [" =HYPERLINK(\"http://evil.example\")", "\t=cmd|' /C calc'!A0", "\r@SUM(1+1)*cmd", "  +1+1"];
    for (const p of payloads) insertRequest("demo/fraud-detection", p);
    const res = await f.send(await f.cookie("admin"), "GET", "/api/v1/reports/decisions?repository=local/demo/fraud-detection&format=csv");
    expect(res.status).toBe(200);
    const rows = Papa.parse<Record<string, string>>(await res.text(), { header: true, skipEmptyLines: true }).data;
    const comments = rows.map((r) => r.comment);
    for (const p of payloads) expect(comments, JSON.stringify(p)).toContain(`'${p}`);
    expect(comments.filter((c) => /^[\s]*[=+\-@]/.test(c ?? ""))).toEqual([]);
  });
  it("finding 3: a tag on the digest that needs a stricter tier is seen by /policy/evaluate, the request and the promotion", async () => {
    const contributor = await f.cookie("contributor");
    const approver = await f.cookie("approver");
    copyDemoRepository(f.dir, "demo/fraud-detection");
    const evaluate = async (ref: string) => {
      const res = await f.send(contributor, "GET", `/api/v1/policy/evaluate?ref=${encodeURIComponent(ref)}&environment=staging`);
      expect(res.status).toBe(200);
      return (await res.json()) as { passed: boolean; tier: { name: string } | null };
    };
    // control: 1.1.0 passes staging on the Essential tier while only version tags point at it
    const digest = addLayoutTag(f.dir, "demo/fraud-detection", "1.1.0", "1.1.0");
    const before = await evaluate(`sec/demo/fraud-detection@${digest}`);
    expect(before).toMatchObject({ passed: true, tier: { name: "Essential" } });
    // a request made now is accepted (awaiting approval) …
    const early = await f.send(contributor, "POST", "/api/v1/approvals", { ref: "sec/demo/fraud-detection:1.1.0", environment: "staging" });
    expect(early.status).toBe(201);
    const earlyId = ((await early.json()) as { id: string }).id;

    // … then someone tags the same digest public-1.1.0: "customer-facing tags" raise it to Standard (needs a vuln scan)
    addLayoutTag(f.dir, "demo/fraud-detection", "1.1.0", "public-1.1.0");
    for (const ref of [`sec/demo/fraud-detection@${digest}`, "sec/demo/fraud-detection:1.1.0", "sec/demo/fraud-detection:public-1.1.0"]) {
      expect(await evaluate(ref), ref).toMatchObject({ passed: false, tier: { name: "Standard" } });
    }
    // the request path refuses, whichever reference names the digest
    const req = await f.send(contributor, "POST", "/api/v1/approvals", { ref: `sec/demo/fraud-detection@${digest}`, environment: "production" });
    expect(req.status).not.toBe(201);
    // the promotion of the earlier request re-checks the gate with the new tag and does not retag
    const decided = await f.send(approver, "POST", `/api/v1/approvals/${earlyId}/decision`, { decision: "approve" });
    const after = (await decided.json()) as { state: string; lastError: string | null };
    expect(after.state).toBe("approved");
    expect(after.lastError).toMatch(/staging policy gate no longer passes/);
    const tags = (await (await f.send(contributor, "GET", "/api/v1/versions?repository=sec/demo/fraud-detection")).json()) as { items: { tags: string[] }[] };
    expect(tags.items.flatMap((i) => i.tags)).not.toContain("staging");
  });

  it("finding 5: rejected API tokens are aggregated per source and minute and rate-limited", async () => {
    // the counters are per wall-clock minute: start early in one so all 60 requests share it
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) {
      const res = await fetch(`${f.app.baseUrl}/api/v1/registries`, { headers: { Authorization: `Bearer kg_${randomBytes(32).toString("base64url")}` } });
      statuses.push(res.status);
    }
    const db = sql();
    const rows = db.prepare(`SELECT "details" FROM "AuditEvent" WHERE "action" = 'token.rejected'`).all() as { details: string }[];
    db.close();
    const counts = statuses.reduce<Record<number, number>>((m, s) => ({ ...m, [s]: (m[s] ?? 0) + 1 }), {});
    console.log(`finding 5: 60 random tokens → ${JSON.stringify(counts)}, ${rows.length} audit rows`);
    // 20 rejections are answered 401, then the source gets 429 (and no audit rows) for the rest of the minute …
    expect(statuses).toEqual([...Array(20).fill(401), ...Array(40).fill(429)]);
    // … while a valid token from the same address still works (a CI fleet behind one NAT is not locked out)
    const made = await f.send(await f.cookie("contributor"), "POST", "/api/v1/tokens", { name: "ci", scopes: ["local/demo/fraud-*"], permissions: ["repository.read"] });
    const { token } = (await made.json()) as { token: string };
    expect((await f.send(token, "GET", "/api/v1/registries")).status).toBe(200);
    // one row for the source's minute, plus one when its count reached 10: not 60
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => JSON.parse(r.details) as { rejectedThisMinute: number }).some((d) => d.rejectedThisMinute === 1)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("kg_");
  });

  it("finding 7: the audit address is the socket's, not a client-written X-Forwarded-For, unless the peer is a trusted proxy", async () => {
    const spoof = { "X-Forwarded-For": "6.6.6.6", "X-Real-IP": "6.6.6.7", "User-Agent": `ua-${"x".repeat(2000)}` };
    await f.signIn("nobody-7", "wrong", spoof);
    const db = sql();
    const row = db.prepare(`SELECT "ip", "userAgent" FROM "AuditEvent" WHERE "action" = 'auth.sign-in-failed' AND "actorName" = 'nobody-7'`).get() as { ip: string; userAgent: string };
    db.close();
    expect(row.ip).toBe("127.0.0.1");
    expect(row.userAgent.length).toBeLessThanOrEqual(256);

    // the same request through a configured trusted proxy (here: loopback) is attributed to the forwarded client
    const dir = mkdtempSync(path.join(tmpdir(), "kitgate-proxy-"));
    const password = randomBytes(9).toString("base64url");
    const configPath = writeConfig(dir, password, `trustedProxies: ["127.0.0.0/8", "10.0.0.0/8"]\n`);
    const behindProxy = await startKitgate({ configPath, dbFile: path.join(dir, "k.db") });
    try {
      await signInRequest(behindProxy.baseUrl, "nobody-7", "wrong", { "X-Forwarded-For": "6.6.6.6, 198.51.100.7, 10.1.1.1" });
      const pdb = new Database(path.join(dir, "k.db"));
      const proxied = pdb.prepare(`SELECT "ip" FROM "AuditEvent" WHERE "action" = 'auth.sign-in-failed'`).get() as { ip: string };
      pdb.close();
      expect(proxied.ip).toBe("198.51.100.7");
    } finally {
      await behindProxy.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("finding 10: after sign-out a copied session cookie no longer works, on any device", async () => {
    const laptop = sessionCookie(await f.signIn("viewer"));
    const phone = sessionCookie(await f.signIn("viewer"));
    expect(laptop && phone).toBeTruthy();
    expect((await f.send(laptop!, "GET", "/api/v1/tokens")).status).toBe(200);
    expect((await f.send(phone!, "GET", "/api/v1/tokens")).status).toBe(200);
    const out = await signOutRequest(f.app.baseUrl, laptop!);
    expect(out.status).toBeLessThan(400);
    expect((await f.send(laptop!, "GET", "/api/v1/tokens")).status).toBe(401);
    expect((await f.send(phone!, "GET", "/api/v1/tokens")).status).toBe(401);
    // signing in again gives a working session
    const fresh = sessionCookie(await f.signIn("viewer"));
    expect((await f.send(fresh!, "GET", "/api/v1/tokens")).status).toBe(200);
  });
});
