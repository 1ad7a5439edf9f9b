// The /api/v1 contract, the way a CI pipeline uses it: the production server (`next start`) with
// KITGATE_VALIDATE_RESPONSES=1, a private copy of a demo repository, the demo policies and trust key. The journey
// (request → status → approve → promoted → revoke, tokens, audit, reports) and hostile requests go over HTTP only;
// every response is checked by the server against its documented schema, and the last test asserts that every
// check passed and that each operation answered a success at least once (retrying a failed promotion excepted:
// it needs a registry that fails at the right moment).
import bcrypt from "bcryptjs";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { publishedContract } from "./support/published-contract";
import { signInLocal, type ResponseCheckLine } from "./support/auth/sign-in-local";
import { startKitgate, type RunningKitgate } from "./support/auth/start-kitgate";

const ROOT = path.resolve(import.meta.dirname, "..");
const KIT = "approvals/demo/fraud-detection";
const PASSWORD = "contract-password";

let app: RunningKitgate;
let dir: string;
let contractLog: string;
const cookies = new Map<string, string>();
const published = publishedContract(buildOpenApiDocument());
/** bodies that the published document (as a client generator reads it) did not accept */
const publishedProblems: string[] = [];
let publishedChecks = 0;

type Who = "dana" | "max" | "root" | "anonymous" | { bearer: string };

async function call(who: Who, method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Response> {
  const h: Record<string, string> = { Accept: "application/json", ...headers };
  if (typeof who === "object") h.Authorization = `Bearer ${who.bearer}`;
  else if (who !== "anonymous") h.Cookie = cookies.get(who)!;
  if (method !== "GET" && !("Origin" in headers)) h.Origin = app.baseUrl;
  if (body !== undefined) h["Content-Type"] = "application/json";
  const init: RequestInit = { method, headers: h, redirect: "manual" };
  if (body !== undefined) init.body = typeof body === "string" ? body : JSON.stringify(body);
  const res = await fetch(app.baseUrl + url, init);
  if ((res.headers.get("content-type") ?? "").startsWith("application/json")) {
    publishedChecks++;
    publishedProblems.push(...published.check(method, url, res.status, await res.clone().json()));
  }
  return res;
}

async function json<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  return JSON.parse(text) as T;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kitgate-contract-"));
  // promotions write tags: a private copy of one demo repository, never the shared demo registry
  mkdirSync(path.join(dir, "registry/demo"), { recursive: true });
  cpSync(path.join(ROOT, "data/registry/demo/fraud-detection"), path.join(dir, "registry/demo/fraud-detection"), { recursive: true });
  const hash = bcrypt.hashSync(PASSWORD, 4);
  const configPath = path.join(dir, "kitgate.yaml");
  writeFileSync(
    configPath,
    [
      "registries:",
      `  - { name: approvals, layout: ${path.join(dir, "registry")} }`,
      `cache: { dir: ${path.join(dir, "cache")}, maxBytes: 64MiB }`,
      "auth:",
      '  oidc: { issuer: "http://127.0.0.1:9", clientId: x, adminGroup: g-admin }',
      "  databaseUsers: false",
      "  localUsers:",
      `    - { username: dana, name: Dana Scientist, passwordHash: "${hash}", groups: [g-ds] }`,
      `    - { username: max, name: Max Manager, passwordHash: "${hash}", groups: [g-mgr] }`,
      `    - { username: root, name: Root Admin, passwordHash: "${hash}", groups: [g-admin] }`,
      "access:",
      '  - { group: g-ds, role: contributor, scope: "approvals/*" }',
      '  - { group: g-mgr, role: approver, scope: "approvals/*" }',
      `trust:\n  keys: [{ name: ci-scanner, publicKeyFile: ${path.join(ROOT, "data/keys/ci-scanner.pub")} }]`,
      `policies: ${path.join(ROOT, "policies")}`,
      "environments:",
      "  - { name: dev }",
      "  - { name: staging, after: dev, approverGroups: [g-mgr], promotion: { tag: staging } }",
      "  - { name: production, after: staging, approverGroups: [g-mgr], promotion: { tag: production } }",
      "",
    ].join("\n"),
  );
  contractLog = path.join(dir, "contract.jsonl");
  app = await startKitgate({
    configPath,
    dbFile: path.join(dir, "contract.db"),
    env: { KITGATE_VALIDATE_RESPONSES: "1", KITGATE_VALIDATE_RESPONSES_LOG: contractLog },
  });
  for (const who of ["dana", "max", "root"] as const) cookies.set(who, await signInLocal(app.baseUrl, who, PASSWORD));
}, 180_000);

afterAll(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

interface Approval {
  id: string;
  state: string;
  digest: string;
  approvals: number;
}
interface Status {
  state: string;
  mayDeploy: boolean;
  digest: string;
  request: Approval | null;
}

describe("the /api/v1 contract over HTTP", () => {
  let approval: Approval;
  let token: string;
  let tokenId: string;

  it("a CI token asks whether 1.1.0 may go to production before anyone requested it", async () => {
    const created = await json<{ token: string; info: { id: string; status: string } }>(
      await call("dana", "POST", "/api/v1/tokens", { name: "ci", scopes: ["approvals/*"], permissions: ["repository.read", "promotion.request"] }),
      201,
    );
    expect(created.info.status).toBe("active");
    token = created.token;
    tokenId = created.info.id;
    const evaluation = await json<{ passed: boolean; rules: unknown[] }>(
      await call({ bearer: token }, "GET", `/api/v1/policy/evaluate?ref=${KIT}:1.1.0&environment=production`),
      200,
    );
    expect(evaluation.passed).toBe(true);
    const status = await json<Status>(await call({ bearer: token }, "GET", `/api/v1/status?ref=${KIT}:1.1.0&environment=production`), 200);
    expect(status).toMatchObject({ state: "scan-passed", mayDeploy: false, request: null });
  });

  it("requests promotion with an idempotency key; a retry returns the same request", async () => {
    const body = { ref: `${KIT}:1.1.0`, environment: "production", comment: "ready" };
    approval = await json<Approval>(await call({ bearer: token }, "POST", "/api/v1/approvals", body, { "Idempotency-Key": "ci-run-0001" }), 201);
    expect(approval.state).toBe("awaiting-approval");
    const retry = await json<Approval>(await call({ bearer: token }, "POST", "/api/v1/approvals", body, { "Idempotency-Key": "ci-run-0001" }), 201);
    expect(retry.id).toBe(approval.id);
    expect((await json<Approval>(await call("dana", "GET", `/api/v1/approvals/${approval.id}`), 200)).id).toBe(approval.id);
  });

  it("the approver sees it waiting, approves, and the version may deploy", async () => {
    const waiting = await json<{ items: Approval[] }>(await call("max", "GET", "/api/v1/approvals?mine=1&state=awaiting-approval"), 200);
    expect(waiting.items.map((a) => a.id)).toContain(approval.id);
    const decided = await json<Approval>(await call("max", "POST", `/api/v1/approvals/${approval.id}/decision`, { decision: "approve", comment: "ok" }), 200);
    expect(decided.state).toBe("promoted");
    const status = await json<Status>(await call({ bearer: token }, "GET", `/api/v1/status?ref=${KIT}:1.1.0&environment=production`), 200);
    expect(status).toMatchObject({ state: "promoted", mayDeploy: true });
    const matrix = await json<{ environments: { environment: string; currentDigest: string | null; drift: boolean }[] }>(
      await call("max", "GET", `/api/v1/environments?repository=${KIT}`),
      200,
    );
    expect(matrix.environments.find((e) => e.environment === "production")).toMatchObject({ currentDigest: approval.digest, drift: false });
  });

  it("refuses moves the state does not allow (409) and a second decision, then revokes", async () => {
    const retry = await json<{ error: { code: string } }>(await call("max", "POST", `/api/v1/approvals/${approval.id}/promote`), 409);
    expect(retry.error.code).toBe("CONFLICT");
    expect((await call("max", "POST", `/api/v1/approvals/${approval.id}/decision`, { decision: "approve" })).status).toBe(409);
    const revoked = await json<Approval>(await call("max", "POST", `/api/v1/approvals/${approval.id}/revoke`, { reason: "bad eval" }), 200);
    expect(revoked.state).toBe("revoked");
    expect((await json<Status>(await call({ bearer: token }, "GET", `/api/v1/status?ref=${KIT}:1.1.0&environment=production`), 200)).mayDeploy).toBe(false);
  });

  it("answers hostile or wrong requests with the documented errors and changes nothing", async () => {
    const before = await json<{ items: Approval[] }>(await call("root", "GET", "/api/v1/approvals?limit=200"), 200);
    const cases: [Response, number, string][] = [
      [await call("dana", "POST", "/api/v1/approvals", { ref: `${KIT}:1.0.0`, environment: "dev" }, { Origin: "https://evil.example" }), 403, "FORBIDDEN"],
      [await call("dana", "POST", "/api/v1/approvals", JSON.stringify({ ref: `${KIT}:1.0.0`, environment: "dev", comment: "x".repeat(20_000) })), 413, "TOO_LARGE"],
      [await call("dana", "POST", "/api/v1/approvals", "{not json"), 400, "BAD_REQUEST"],
      [await call("dana", "POST", "/api/v1/approvals", { ref: `${KIT}:1.0.0`, environment: "dev", admin: true }), 422, "UNPROCESSABLE"],
      [await call("anonymous", "POST", "/api/v1/approvals", { ref: `${KIT}:1.0.0`, environment: "dev" }), 401, "UNAUTHENTICATED"],
      [await call({ bearer: "kg_not-a-real-token" }, "GET", "/api/v1/registries"), 401, "UNAUTHENTICATED"],
      [await call("dana", "GET", `/api/v1/approvals/${"x".repeat(65)}`), 422, "UNPROCESSABLE"],
      [await call("dana", "GET", `/api/v1/diff/files?base=${KIT}:1.0.0&head=${KIT}:1.1.0&section=secrets&key=src`), 422, "UNPROCESSABLE"],
      [await call("dana", "GET", `/api/v1/modelkit?ref=${KIT}:9.9.9`), 404, "NOT_FOUND"],
      [await call({ bearer: token }, "GET", "/api/v1/tokens"), 403, "FORBIDDEN"],
    ];
    for (const [res, status, code] of cases) {
      const body = await json<{ error: { code: string; message: string } }>(res, status);
      expect(body.error.code).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
    const after = await json<{ items: Approval[] }>(await call("root", "GET", "/api/v1/approvals?limit=200"), 200);
    expect(after.items.length).toBe(before.items.length);
  });

  it("serves the rest of the API a pipeline or an auditor uses", async () => {
    expect((await json<{ name: string }[]>(await call({ bearer: token }, "GET", "/api/v1/registries"), 200)).map((r) => r.name)).toEqual(["approvals"]);
    const repos = await json<{ items: { name: string }[] }>(await call({ bearer: token }, "GET", "/api/v1/repositories?registry=approvals"), 200);
    expect(repos.items.map((r) => r.name)).toEqual(["demo/fraud-detection"]);
    await json(await call({ bearer: token }, "GET", `/api/v1/versions?repository=${KIT}`), 200);
    const kit = await json<{ view: { layers: { digest: string; kind: string }[] } }>(await call({ bearer: token }, "GET", `/api/v1/modelkit?ref=${KIT}:1.1.0`), 200);
    const code = kit.view.layers.find((l) => l.kind === "code")!;
    const files = await json<{ listing: { entries: { path: string; type: string }[] } }>(
      await call({ bearer: token }, "GET", `/api/v1/modelkit/files?ref=${KIT}:1.1.0&layer=${code.digest}`),
      200,
    );
    const file = files.listing.entries.find((e) => e.type === "file")!;
    await json(await call({ bearer: token }, "GET", `/api/v1/modelkit/file?ref=${KIT}:1.1.0&path=${encodeURIComponent(file.path)}`), 200);
    expect((await json<{ verified: boolean }>(await call({ bearer: token }, "GET", `/api/v1/modelkit/verify?ref=${KIT}:1.1.0&layer=${code.digest}`), 200)).verified).toBe(true);
    await json(await call({ bearer: token }, "GET", `/api/v1/attestations?ref=${KIT}:1.1.0`), 200);
    const diff = await json<{ diff: { entries: Record<string, { key: string; status: string }[]> } }>(
      await call({ bearer: token }, "GET", `/api/v1/diff?base=${KIT}:1.0.0&head=${KIT}:1.1.0`),
      200,
    );
    const changedCode = diff.diff.entries.code!.find((e) => e.status === "changed") ?? diff.diff.entries.code![0]!;
    const tree = await json<{ tree: { changes: { path: string; kind: string }[] } }>(
      await call({ bearer: token }, "GET", `/api/v1/diff/files?base=${KIT}:1.0.0&head=${KIT}:1.1.0&section=code&key=${encodeURIComponent(changedCode.key)}`),
      200,
    );
    const changedFile = tree.tree.changes.find((c) => c.kind === "modified") ?? tree.tree.changes[0];
    await json(await call({ bearer: token }, "GET", `/api/v1/diff/file?base=${KIT}:1.0.0&head=${KIT}:1.1.0&path=${encodeURIComponent(changedFile?.path ?? file.path)}`), 200);

    const audit = await json<{ items: { action: string }[] }>(await call("root", "GET", "/api/v1/audit?action=approval.&limit=50"), 200);
    expect(audit.items.map((i) => i.action)).toEqual(expect.arrayContaining(["approval.request", "approval.decision"]));
    expect((await json<{ ok: boolean }>(await call("root", "GET", "/api/v1/audit/verify"), 200)).ok).toBe(true);
    const evidence = await call("root", "GET", `/api/v1/reports/evidence?ref=${KIT}:1.1.0&format=json`);
    expect(evidence.status).toBe(200);
    expect(evidence.headers.get("content-disposition")).toMatch(/^attachment; filename="evidence-/);
    const decisions = await call("root", "GET", `/api/v1/reports/decisions?repository=${KIT}&format=csv`);
    expect(decisions.status).toBe(200);
    expect(await decisions.text()).toContain("Max Manager");
    expect((await json<{ openapi: string }>(await call("anonymous", "GET", "/api/v1/openapi.json"), 200)).openapi).toBe("3.1.0");

    const mine = await json<{ items: { id: string }[] }>(await call("dana", "GET", "/api/v1/tokens"), 200);
    expect(mine.items.map((t) => t.id)).toContain(tokenId);
    await json(await call("root", "GET", "/api/v1/tokens?all=1"), 200);
    const revoked = await call("dana", "DELETE", `/api/v1/tokens/${tokenId}`);
    expect(revoked.status).toBe(204);
    expect((await call({ bearer: token }, "GET", "/api/v1/registries")).status).toBe(401);
  });

  // runs last
  it("got only responses that match the contract, and a success from every operation", () => {
    const checks = readFileSync(contractLog, "utf8").trim().split("\n").map((l) => JSON.parse(l) as ResponseCheckLine);
    expect(checks.filter((c) => c.problems.length > 0 || c.operationId === null)).toEqual([]);
    const succeeded = new Set(checks.filter((c) => c.status < 300).map((c) => c.operationId));
    expect(Object.keys(endpoints).filter((id) => !succeeded.has(id) && id !== "retryPromotion")).toEqual([]);
    expect(publishedProblems).toEqual([]);
    expect(publishedChecks).toBeGreaterThan(40);
    console.info(`[contract] ${publishedChecks} bodies also valid against the published OpenAPI document`);
    console.info(`[contract] ${checks.length} responses checked (${checks.filter((c) => c.status < 300).length} successes) across ${succeeded.size} operations`);
  });
});
