// Role × route matrix against the real production server: every route handler under app/api and every server
// action under lib/actions must appear in the tables below (discovered from the filesystem, so a new route
// without a row fails), and each is called as anonymous, each role (on a repository its grant covers and one
// it does not), a valid API token, an expired token and a revoked token. The server runs with
// KITGATE_VALIDATE_RESPONSES=1: every response is also checked against the OpenAPI contract (lib/api/endpoints), and
// the last test asserts that each one matched.
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints } from "@/lib/api/endpoints";
import { buildOpenApiDocument } from "@/lib/api/openapi";
import { signInLocal, type ResponseCheckLine } from "./support/auth/sign-in-local";
import { startKitgate, type RunningKitgate } from "./support/auth/start-kitgate";
import { publishedContract } from "./support/published-contract";

const ROOT = path.resolve(import.meta.dirname, "..");
const ROLES = ["viewer", "contributor", "reviewer", "approver", "admin"] as const;
type Role = (typeof ROLES)[number];
type Who = "anonymous" | Role | "token" | "expired-token" | "revoked-token";
const WHO: Who[] = ["anonymous", ...ROLES, "token", "expired-token", "revoked-token"];
type Scope = "allowed" | "forbidden";
const ALLOWED = { repo: "demo/fraud-detection", tag: "1.0.0" };
const FORBIDDEN = { repo: "demo/churn-model", tag: "1.0.0" };

// ── discovery ──────────────────────────────────────────────────────────────────────────────────────────────
function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function discoverRoutes(): string[] {
  const METHOD = /export\s+(?:async\s+)?(?:function|const)\s+(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\b|\bas\s+(GET|POST|PUT|PATCH|DELETE)\b/g;
  // every route handler, not only under app/api: /metrics is one too
  return walk(path.join(ROOT, "app"))
    .filter((f) => path.basename(f) === "route.ts")
    .flatMap((f) => {
      const route = "/" + path.relative(path.join(ROOT, "app"), path.dirname(f)).split(path.sep).join("/");
      const methods = new Set([...readFileSync(f, "utf8").matchAll(METHOD)].map((m) => m[1] ?? m[2]));
      return [...methods].map((m) => `${m} ${route}`);
    })
    .sort();
}

function discoverActions(): string[] {
  let files: string[] = [];
  try {
    files = walk(path.join(ROOT, "lib/actions")).filter((f) => /\.tsx?$/.test(f) && !/\.test\.ts$/.test(f));
  } catch {
    return [];
  }
  return files.flatMap((f) => {
    const text = readFileSync(f, "utf8");
    if (!/^\s*["']use server["']/m.test(text)) return [];
    return [...text.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)].map((m) => `${path.relative(ROOT, f)}#${m[1]}`);
  });
}

// ── the matrix ─────────────────────────────────────────────────────────────────────────────────────────────
interface Ctx {
  layer: Record<Scope, string>;
  file: Record<Scope, string>;
  /** a fresh token owned by the viewer persona, for revocation rows */
  viewerTokenId: () => Promise<string>;
}
interface Call {
  method: string;
  url: string;
  body?: unknown;
}
interface Row {
  call: (scope: Scope, ctx: Ctx) => Promise<Call> | Call;
  expect: (who: Who, scope: Scope) => number;
  /** checked on 200s: proves list results are filtered, not merely hidden */
  body?: (who: Who, json: unknown) => void;
}

const badToken = (w: Who) => w === "expired-token" || w === "revoked-token";
/** A repository read: role on allowed scope → 200; elsewhere 404 (never 403: forbidden looks like missing). */
const repoRead = (w: Who, s: Scope) =>
  badToken(w) ? 401 : w === "anonymous" ? 404 : w === "admin" ? 200 : s === "allowed" ? 200 : 404;
const ref = (s: Scope) => `local/${(s === "allowed" ? ALLOWED : FORBIDDEN).repo}:${(s === "allowed" ? ALLOWED : FORBIDDEN).tag}`;
/** Own-token management: signed-in users only; tokens cannot manage tokens. */
const ownTokens = (ok: number) => (w: Who) => (badToken(w) || w === "anonymous" ? 401 : w === "token" ? 403 : ok);

const ROUTES: Record<string, Row> = {
  "GET /api/health": { call: () => ({ method: "GET", url: "/api/health" }), expect: () => 200 },
  "GET /api/health/live": { call: () => ({ method: "GET", url: "/api/health/live" }), expect: () => 200 },
  "GET /api/health/ready": { call: () => ({ method: "GET", url: "/api/health/ready" }), expect: () => 200 },
  // only the scraper's own token opens it: no session, API token or role does
  "GET /metrics": { call: () => ({ method: "GET", url: "/metrics" }), expect: () => 401 },
  "GET /api/auth/[...nextauth]": { call: () => ({ method: "GET", url: "/api/auth/providers" }), expect: () => 200 },
  // next-auth's own POST endpoints check their CSRF token; without one the sign-out POST is refused (redirect).
  "POST /api/auth/[...nextauth]": {
    call: () => ({ method: "POST", url: "/api/auth/signout", body: "" }),
    expect: () => 302,
  },
  "GET /api/v1/openapi.json": { call: () => ({ method: "GET", url: "/api/v1/openapi.json" }), expect: () => 200 },
  "GET /api/v1/registries": {
    call: () => ({ method: "GET", url: "/api/v1/registries" }),
    expect: (w) => (badToken(w) ? 401 : 200),
  },
  "GET /api/v1/repositories": {
    call: () => ({ method: "GET", url: "/api/v1/repositories?registry=local&limit=200" }),
    expect: (w) => (badToken(w) ? 401 : w === "anonymous" ? 404 : 200),
    body: (w, json) => {
      const names = (json as { items: { name: string }[] }).items.map((i) => i.name);
      expect(names).toContain(ALLOWED.repo);
      if (w === "admin") expect(names).toContain(FORBIDDEN.repo);
      else expect(names).not.toContain(FORBIDDEN.repo);
    },
  },
  "GET /api/v1/versions": {
    call: (s) => ({ method: "GET", url: `/api/v1/versions?repository=local/${s === "allowed" ? ALLOWED.repo : FORBIDDEN.repo}` }),
    expect: repoRead,
  },
  "GET /api/v1/modelkit": { call: (s) => ({ method: "GET", url: `/api/v1/modelkit?ref=${ref(s)}` }), expect: repoRead },
  "GET /api/v1/modelkit/files": {
    call: (s, c) => ({ method: "GET", url: `/api/v1/modelkit/files?ref=${ref(s)}&layer=${c.layer[s]}` }),
    expect: repoRead,
  },
  "GET /api/v1/modelkit/file": {
    call: (s, c) => ({ method: "GET", url: `/api/v1/modelkit/file?ref=${ref(s)}&path=${encodeURIComponent(c.file[s])}` }),
    expect: repoRead,
  },
  "GET /api/v1/modelkit/verify": {
    call: (s, c) => ({ method: "GET", url: `/api/v1/modelkit/verify?ref=${ref(s)}&layer=${c.layer[s]}` }),
    expect: repoRead,
  },
  "GET /api/v1/attestations": { call: (s) => ({ method: "GET", url: `/api/v1/attestations?ref=${ref(s)}` }), expect: repoRead },
  "GET /api/v1/policy/evaluate": {
    call: (s) => ({ method: "GET", url: `/api/v1/policy/evaluate?ref=${ref(s)}&environment=dev` }),
    expect: repoRead,
  },
  // a diff reads both sides: each must be readable (here both sides are the same version)
  "GET /api/v1/diff": { call: (s) => ({ method: "GET", url: `/api/v1/diff?base=${ref(s)}&head=${ref(s)}` }), expect: repoRead },
  "GET /api/v1/diff/files": {
    call: (s) => ({ method: "GET", url: `/api/v1/diff/files?base=${ref(s)}&head=${ref(s)}&section=code&key=src` }),
    expect: repoRead,
  },
  "GET /api/v1/diff/file": {
    call: (s, c) => ({ method: "GET", url: `/api/v1/diff/file?base=${ref(s)}&head=${ref(s)}&path=${encodeURIComponent(c.file[s])}` }),
    expect: repoRead,
  },
  // audit: signed-in callers only; non-admins see rows of repositories they can read (and their own) only
  "GET /api/v1/audit": {
    call: () => ({ method: "GET", url: "/api/v1/audit?limit=200" }),
    expect: (w) => (badToken(w) || w === "anonymous" ? 401 : 200),
    body: (w, json) => {
      const repos = (json as { items: { repository: string | null }[] }).items.map((i) => i.repository).filter(Boolean);
      if (w !== "admin") expect(repos.every((r) => r!.startsWith("local/demo/fraud-"))).toBe(true);
    },
  },
  "GET /api/v1/audit/verify": {
    call: () => ({ method: "GET", url: "/api/v1/audit/verify" }),
    expect: (w) => (badToken(w) || w === "anonymous" ? 401 : w === "admin" ? 200 : 403),
  },
  // reports need report.download on the repository; the matrix token carries repository.read only (403)
  "GET /api/v1/reports/evidence": {
    call: (s) => ({ method: "GET", url: `/api/v1/reports/evidence?ref=${ref(s)}&format=json` }),
    expect: (w, s) => (w === "token" ? (s === "allowed" ? 403 : 404) : repoRead(w, s)),
  },
  "GET /api/v1/reports/decisions": {
    call: (s) => ({ method: "GET", url: `/api/v1/reports/decisions?repository=local/${s === "allowed" ? ALLOWED.repo : FORBIDDEN.repo}&format=csv` }),
    expect: (w, s) => (badToken(w) || w === "anonymous" ? 401 : w === "token" ? (s === "allowed" ? 403 : 404) : repoRead(w, s)),
  },
  // approval workflow: lists need sign-in; mutations check sign-in, then the permission on the repository, then the
  // request. They name the environment "nowhere", so a permitted request stops at "unknown environment" (404).
  "GET /api/v1/approvals": {
    call: () => ({ method: "GET", url: "/api/v1/approvals" }),
    expect: (w) => (badToken(w) || w === "anonymous" ? 401 : 200),
  },
  "POST /api/v1/approvals": {
    call: (s) => ({ method: "POST", url: "/api/v1/approvals", body: { ref: ref(s), environment: "nowhere" } }),
    expect: (w, s) =>
      badToken(w) || w === "anonymous" ? 401 : s === "allowed" && (w === "viewer" || w === "token") ? 403 : 404,
  },
  "GET /api/v1/approvals/[id]": {
    call: () => ({ method: "GET", url: "/api/v1/approvals/missing" }),
    expect: (w) => (badToken(w) ? 401 : 404),
  },
  "POST /api/v1/approvals/[id]/decision": {
    call: () => ({ method: "POST", url: "/api/v1/approvals/missing/decision", body: { decision: "approve" } }),
    expect: (w) => (badToken(w) || w === "anonymous" ? 401 : 404),
  },
  "POST /api/v1/approvals/[id]/revoke": {
    call: () => ({ method: "POST", url: "/api/v1/approvals/missing/revoke", body: {} }),
    expect: (w) => (badToken(w) || w === "anonymous" ? 401 : 404),
  },
  "POST /api/v1/approvals/[id]/promote": {
    call: () => ({ method: "POST", url: "/api/v1/approvals/missing/promote", body: {} }),
    expect: (w) => (badToken(w) || w === "anonymous" ? 401 : 404),
  },
  "GET /api/v1/status": {
    call: (s) => ({ method: "GET", url: `/api/v1/status?ref=${ref(s)}&environment=nowhere` }),
    expect: (w) => (badToken(w) ? 401 : 404),
  },
  "GET /api/v1/environments": {
    call: (s) => ({ method: "GET", url: `/api/v1/environments?repository=local/${s === "allowed" ? ALLOWED.repo : FORBIDDEN.repo}` }),
    expect: repoRead,
  },
  "GET /api/v1/tokens": { call: () => ({ method: "GET", url: "/api/v1/tokens" }), expect: ownTokens(200) },
  "POST /api/v1/tokens": {
    call: () => ({ method: "POST", url: "/api/v1/tokens", body: { name: "m", scopes: ["local/demo/fraud-*"], permissions: ["repository.read"] } }),
    expect: ownTokens(201),
  },
  // revoking the viewer's token: the viewer (owner) and admins may; everyone else is told it does not exist
  "DELETE /api/v1/tokens/[id]": {
    call: async (_s, c) => ({ method: "DELETE", url: `/api/v1/tokens/${await c.viewerTokenId()}` }),
    expect: (w) => (badToken(w) || w === "anonymous" ? 401 : w === "token" ? 403 : w === "viewer" || w === "admin" ? 204 : 404),
  },
};

/** Server actions (`'use server'` exports under lib/actions). None exist yet; a new one must get a row here. */
const ACTIONS: Record<string, never> = {};

// ── the server and the personas ────────────────────────────────────────────────────────────────────────────
let app: RunningKitgate;
let dir: string;
const auth = new Map<Who, Record<string, string>>();
let ctx: Ctx;
let contractLog: string;
const published = publishedContract(buildOpenApiDocument());
/** JSON bodies the published document (as a client generator reads it) did not accept */
const publishedProblems: string[] = [];
let publishedChecks = 0;

const signIn = signInLocal;

async function send(who: Who, call: Call): Promise<Response> {
  const headers: Record<string, string> = { ...auth.get(who) };
  let body: string | undefined;
  if (call.body !== undefined) {
    body = typeof call.body === "string" ? call.body : JSON.stringify(call.body);
    headers["Content-Type"] = typeof call.body === "string" ? "application/x-www-form-urlencoded" : "application/json";
  }
  if (call.method !== "GET") headers.Origin = app.baseUrl;
  const res = await fetch(app.baseUrl + call.url, { method: call.method, headers, body, redirect: "manual" });
  if (call.url.startsWith("/api/v1/") && (res.headers.get("content-type") ?? "").startsWith("application/json")) {
    publishedChecks++;
    publishedProblems.push(...published.check(call.method, call.url, res.status, await res.clone().json()));
  }
  return res;
}

async function createToken(as: Who, scopes: string[]): Promise<{ token: string; info: { id: string } }> {
  const res = await send(as, { method: "POST", url: "/api/v1/tokens", body: { name: "matrix", scopes, permissions: ["repository.read"] } });
  expect(res.status).toBe(201);
  return (await res.json()) as { token: string; info: { id: string } };
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kitgate-matrix-"));
  const hash = bcrypt.hashSync("matrix-password", 4);
  const users = ROLES.map((r) => `    - { username: ${r}, passwordHash: "${hash}", groups: [g-${r}] }`).join("\n");
  const grants = ROLES.filter((r) => r !== "admin")
    .map((r) => `  - { group: g-${r}, role: ${r}, scope: "local/demo/fraud-*" }`)
    .join("\n");
  const configPath = path.join(dir, "kitgate.yaml");
  writeFileSync(
    configPath,
    `registries:\n  - { name: local, layout: ${path.join(ROOT, "data/registry")} }\ncache: { dir: ${path.join(dir, "cache")}, maxBytes: 64MiB }\n` +
      `auth:\n  oidc: { issuer: "http://127.0.0.1:9", clientId: x, adminGroup: g-admin }\n  databaseUsers: false\n  # the matrix presents expired and revoked tokens ~120 times a minute on purpose\n  rejectedTokensPerMinute: 100000\n  localUsers:\n${users}\naccess:\n${grants}\n` +
      // the repository's demo policies, so /policy/evaluate answers for real (approval rows still use "nowhere")
      `trust:\n  keys: [{ name: ci-scanner, publicKeyFile: ${path.join(ROOT, "data/keys/ci-scanner.pub")} }]\n` +
      `policies: ${path.join(ROOT, "policies")}\nenvironments:\n  - { name: dev }\n  - { name: staging, after: dev }\n  - { name: production, after: staging }\n`,
  );
  const dbFile = path.join(dir, "matrix.db");
  contractLog = path.join(dir, "contract.jsonl");
  app = await startKitgate({ configPath, dbFile, env: {
      KITGATE_VALIDATE_RESPONSES: "1",
      KITGATE_VALIDATE_RESPONSES_LOG: contractLog,
      KITGATE_METRICS_TOKEN: randomBytes(24).toString("base64url"),
    }, });

  auth.set("anonymous", {});
  for (const r of ROLES) auth.set(r, { Cookie: await signIn(app.baseUrl, r, "matrix-password") });
  const valid = await createToken("viewer", ["local/demo/fraud-*"]);
  auth.set("token", { Authorization: `Bearer ${valid.token}` });
  const expired = await createToken("viewer", ["local/demo/fraud-*"]);
  const sqlite = new Database(dbFile);
  sqlite.prepare(`UPDATE "ApiToken" SET "expiresAt" = ? WHERE "id" = ?`).run(Date.now() - 1000, expired.info.id);
  sqlite.close();
  auth.set("expired-token", { Authorization: `Bearer ${expired.token}` });
  const revoked = await createToken("viewer", ["local/demo/fraud-*"]);
  expect((await send("viewer", { method: "DELETE", url: `/api/v1/tokens/${revoked.info.id}` })).status).toBe(204);
  auth.set("revoked-token", { Authorization: `Bearer ${revoked.token}` });

  // real layer digests and file paths from each repository, read as admin
  const layer = {} as Record<Scope, string>;
  const file = {} as Record<Scope, string>;
  for (const s of ["allowed", "forbidden"] as const) {
    const kit = (await (await send("admin", { method: "GET", url: `/api/v1/modelkit?ref=${ref(s)}` })).json()) as {
      view: { layers: { digest: string }[] };
    };
    layer[s] = kit.view.layers[0]!.digest;
    const files = (await (await send("admin", { method: "GET", url: `/api/v1/modelkit/files?ref=${ref(s)}&layer=${layer[s]}` })).json()) as {
      listing: { entries: { path: string; type?: string; kind?: string }[] };
    };
    const entry = files.listing.entries.find((e) => (e.type ?? e.kind) === "file") ?? files.listing.entries[0]!;
    file[s] = entry.path;
  }
  ctx = { layer, file, viewerTokenId: async () => (await createToken("viewer", ["local/demo/fraud-*"])).info.id };
}, 120_000);

afterAll(async () => {
  await app?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("permission matrix", () => {
  it("has a row for every route handler and server action in the app", () => {
    const routes = discoverRoutes();
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((r) => !(r in ROUTES))).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !routes.includes(r))).toEqual([]);
    expect(discoverActions().filter((a) => !(a in ACTIONS))).toEqual([]);
  });

  for (const [route, row] of Object.entries(ROUTES)) {
    it(route, async () => {
      const results: string[] = [];
      const expected: string[] = [];
      for (const who of WHO) {
        for (const scope of ["allowed", "forbidden"] as const) {
          const res = await send(who, await row.call(scope, ctx));
          results.push(`${who}/${scope} → ${res.status}`);
          expected.push(`${who}/${scope} → ${row.expect(who, scope)}`);
          if (res.status === 200 && row.body) row.body(who, await res.json());
        }
      }
      expect(results).toEqual(expected);
    });
  }

  it("refuses a cookie-authenticated mutation from another origin (CSRF)", async () => {
    const res = await fetch(`${app.baseUrl}/api/v1/tokens`, {
      method: "POST",
      headers: { ...auth.get("viewer"), Origin: "https://evil.example", "Content-Type": "application/json" },
      body: JSON.stringify({ name: "x", scopes: ["*"], permissions: ["repository.read"] }),
    });
    expect(res.status).toBe(403);
  });

  it("stores API tokens only as sha256 hashes", async () => {
    const { token } = await createToken("viewer", ["local/demo/fraud-*"]);
    const sqlite = new Database(path.join(dir, "matrix.db"), { readonly: true });
    const rows = sqlite.prepare(`SELECT * FROM "ApiToken"`).all();
    sqlite.close();
    expect(JSON.stringify(rows)).not.toContain(token);
    const { createHash } = await import("node:crypto");
    expect(rows.map((r) => (r as { hash: string }).hash)).toContain(createHash("sha256").update(token).digest("hex"));
  });

  // runs last: by now every row above has called every route as every persona
  it("got only responses that match the documented contract (status, error code, schema) from every operation", async () => {
    const checks = readFileSync(contractLog, "utf8")
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as ResponseCheckLine);
    expect(checks.filter((c) => c.problems.length > 0)).toEqual([]);
    expect(checks.filter((c) => c.operationId === null)).toEqual([]);
    expect([...new Set(checks.map((c) => c.operationId))].sort()).toEqual(Object.keys(endpoints).sort());
    const ok = checks.filter((c) => c.status < 300);
    console.info(`[contract] ${checks.length} responses checked against their schemas (${ok.length} successes, ${checks.length - ok.length} errors)`);
    expect(ok.length).toBeGreaterThan(100);
    expect(publishedProblems).toEqual([]);
    console.info(`[contract] ${publishedChecks} bodies also valid against the published OpenAPI document`);
  });
});
