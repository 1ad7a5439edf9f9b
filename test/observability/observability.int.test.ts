// Health, metrics and logs of the production server (`next start`) browsing a real docker-registry behind
// htpasswd Basic auth: request ids from the access line down to the registry calls, Prometheus metrics behind
// their own token and port, readiness that turns 503 with reasons, and no credential in any log line.
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { signInLocal } from "@/test/support/auth/sign-in-local";
import { startKitgate, type RunningKitgate } from "@/test/support/auth/start-kitgate";
import { copyLayoutToRegistry } from "@/test/support/registry/copy-layout-to-registry";
import { REGISTRY_USERS, startRegistry, type RunningRegistry } from "@/test/support/registry/start-registry";
import { freePort } from "../support/free-port";

const ROOT = path.resolve(import.meta.dirname, "../..");
const REPO = "demo/fraud-detection";
const USER_PASSWORD = randomBytes(12).toString("base64url");
const METRICS_TOKEN = randomBytes(24).toString("base64url");
const SESSION_SECRET = randomBytes(32).toString("base64url");

let dir: string;
let registry: RunningRegistry;
let app: RunningKitgate;
let configPath: string;
let dbFile: string;
let metricsPort: number;
let cookie: string;
let apiToken: string;


/** The JSON lines the server logged so far (Next's own banner lines are plain text and skipped). */
function jsonLines(): Record<string, unknown>[] {
  return app
    .log()
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
}

function writeConfig(): string {
  const hash = bcrypt.hashSync(USER_PASSWORD, 4);
  const text =
    `registries:\n  - name: acme\n    url: ${registry.url}\n    auth: { type: basic, usernameEnv: ACME_USER, passwordEnv: ACME_PASS }\n` +
    `cache: { dir: ${path.join(dir, "cache")}, maxBytes: 64MiB }\n` +
    `auth:\n  oidc: { issuer: "http://127.0.0.1:9", clientId: x, adminGroup: g-admin }\n  databaseUsers: false\n` +
    `  localUsers:\n    - { username: admin, passwordHash: "${hash}", groups: [g-admin] }\n`;
  writeFileSync(configPath, text);
  return text;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kitgate-observability-"));
  const layout = path.join(dir, "layout");
  cpSync(path.join(ROOT, "data/registry", REPO), path.join(layout, REPO), { recursive: true });
  registry = await startRegistry({ mode: "basic" });
  const pusher = createOciContext({ url: registry.url, auth: { type: "basic", username: "alice", password: REGISTRY_USERS.alice.password } });
  await copyLayoutToRegistry(layout, pusher);
  configPath = path.join(dir, "kitgate.yaml");
  writeConfig();
  dbFile = path.join(dir, "kitgate.db");
  metricsPort = await freePort();
  app = await startKitgate({
    configPath,
    dbFile,
    env: {
      ACME_USER: "alice",
      ACME_PASS: REGISTRY_USERS.alice.password,
      LOG_LEVEL: "debug",
      NEXTAUTH_SECRET: SESSION_SECRET,
      KITGATE_METRICS_TOKEN: METRICS_TOKEN,
      KITGATE_METRICS_PORT: String(metricsPort),
    },
  });
  cookie = await signInLocal(app.baseUrl, "admin", USER_PASSWORD);
  const created = await fetch(`${app.baseUrl}/api/v1/tokens`, {
    method: "POST",
    headers: { Cookie: cookie, Origin: app.baseUrl, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "ci", scopes: ["acme/demo/*"], permissions: ["repository.read"] }),
  });
  expect(created.status).toBe(201);
  apiToken = ((await created.json()) as { token: string }).token;
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await registry?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("request ids and the access log", () => {
  it("answers every request with a request id, keeping a sane one the front sent and replacing anything else", async () => {
    const kept = await fetch(`${app.baseUrl}/api/health/live`, { headers: { "X-Request-Id": "ingress-0000-1111" } });
    expect(kept.headers.get("x-request-id")).toBe("ingress-0000-1111");
    const replaced = await fetch(`${app.baseUrl}/api/health/live`, { headers: { "X-Request-Id": "<script>alert(1)</script>" } });
    expect(replaced.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const fresh = await fetch(`${app.baseUrl}/signin`);
    expect(fresh.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("writes one access line per request, and the registry calls it caused carry the same id", async () => {
    const reqId = `trace-${randomBytes(6).toString("hex")}`;
    const res = await fetch(`${app.baseUrl}/api/v1/modelkit?ref=acme/${REPO}:1.0.0&x=${apiToken}`, {
      headers: { Authorization: `Bearer ${apiToken}`, "X-Request-Id": reqId },
    });
    expect(res.status).toBe(200);
    await res.arrayBuffer();
    await new Promise((r) => setTimeout(r, 300));
    const mine = jsonLines().filter((l) => l.reqId === reqId);
    const access = mine.filter((l) => l.msg === "request");
    expect(access).toEqual([expect.objectContaining({ method: "GET", path: "/api/v1/modelkit", route: "/api/v1/modelkit", status: 200, level: "info" })]);
    expect(typeof access[0]!.ms).toBe("number");
    const calls = mine.filter((l) => l.msg === "registry request");
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) expect(c).toMatchObject({ registry: "acme", host: new URL(registry.url).host, level: "debug" });
    expect(calls.map((c) => c.path)).toEqual(expect.arrayContaining([`/v2/${REPO}/manifests/1.0.0`]));
  });

  it("names the route template of pages, not the path", async () => {
    const reqId = `trace-${randomBytes(6).toString("hex")}`;
    const res = await fetch(`${app.baseUrl}/repositories/acme/${REPO}`, { headers: { Cookie: cookie, "X-Request-Id": reqId } });
    expect(res.status).toBe(200);
    await res.text();
    await new Promise((r) => setTimeout(r, 300));
    const access = jsonLines().find((l) => l.reqId === reqId && l.msg === "request");
    expect(access).toMatchObject({ path: `/repositories/acme/${REPO}`, route: "/repositories/[registry]/[...repository]", status: 200 });
  });
});

describe("/metrics", () => {
  it("is refused without the metrics token: sessions and API tokens do not open it", async () => {
    const callers: Record<string, string>[] = [{}, { Cookie: cookie }, { Authorization: `Bearer ${apiToken}` }, { Authorization: `Bearer ${METRICS_TOKEN}x` }];
    for (const headers of callers) {
      const res = await fetch(`${app.baseUrl}/metrics`, { headers, redirect: "manual" });
      expect(res.status).toBe(401);
      expect(await res.text()).not.toContain("kitgate_");
    }
  });

  it("serves Prometheus text with HTTP, registry, cache and approval series", async () => {
    const sqlite = new Database(dbFile);
    const insert = sqlite.prepare(
      `INSERT INTO "ApprovalRequest" ("id","registry","repository","digest","environment","state","requesterId","requesterName","createdAt","updatedAt") VALUES (?,?,?,?,?,?,?,?,?,?)`,
    );
    for (const [id, state] of [["a1", "pending"], ["a2", "pending"], ["a3", "rejected"]] as const) {
      insert.run(id, "acme", REPO, `sha256:${"0".repeat(64)}`, "dev", state, "u", "U", Date.now(), Date.now());
    }
    sqlite.close();
    const res = await fetch(`${app.baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    const text = await res.text();
    expect(text).toMatch(/^kitgate_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/modelkit",status="200"\} [1-9]/m);
    expect(text).toMatch(/^kitgate_registry_request_duration_seconds_count\{registry="acme",method="GET",status="200"\} [1-9]/m);
    expect(text).toMatch(/^kitgate_blob_cache_requests_total\{kind="[a-z]+",result="(hit|miss)"\} [1-9]/m);
    expect(text).toMatch(/^kitgate_approval_requests\{state="pending"\} 2$/m);
    expect(text).toMatch(/^kitgate_approval_requests\{state="rejected"\} 1$/m);
    expect(text).toMatch(/^kitgate_process_resident_memory_bytes /m);
    // bounded labels: no repository name or id in any series
    expect(text).not.toContain(REPO);
  });

  it("is also served without a token on its own port", async () => {
    const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("kitgate_http_request_duration_seconds_bucket");
    expect((await fetch(`http://127.0.0.1:${metricsPort}/api/v1/registries`)).status).toBe(404);
  });
});

describe("health", () => {
  it("is live and ready, listing the checks it made", async () => {
    const live = await fetch(`${app.baseUrl}/api/health/live`);
    expect(live.status).toBe(200);
    const ready = await fetch(`${app.baseUrl}/api/health/ready`);
    expect(ready.status).toBe(200);
    const body = (await ready.json()) as { status: string; checks: { name: string; ok: boolean }[] };
    expect(body.status).toBe("ready");
    expect(body.checks.map((c) => [c.name, c.ok])).toEqual(expect.arrayContaining([["config", true], ["database", true], ["draining", true]]));
  });

  it("turns 503 with the reason while the config cannot be loaded, and ready again once it is fixed", async () => {
    const good = readFileSync(configPath, "utf8");
    writeFileSync(configPath, good + "registries: [oops\n");
    try {
      const res = await fetch(`${app.baseUrl}/api/health/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { status: string; reasons: string[] };
      expect(body.status).toBe("not ready");
      expect(body.reasons).toEqual([expect.stringMatching(/^config: .*not valid YAML/)]);
      expect((await fetch(`${app.baseUrl}/api/health/live`)).status).toBe(200);
    } finally {
      writeFileSync(configPath, good);
    }
    expect((await fetch(`${app.baseUrl}/api/health/ready`)).status).toBe(200);
  });

  it("turns 503 while the database is missing a migration this build ships", async () => {
    const sqlite = new Database(dbFile);
    const last = sqlite.prepare(`SELECT * FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1`).get() as Record<string, unknown>;
    sqlite.prepare(`DELETE FROM _prisma_migrations WHERE id = ?`).run(last.id);
    try {
      const res = await fetch(`${app.baseUrl}/api/health/ready`);
      expect(res.status).toBe(503);
      const body = (await res.json()) as { reasons: string[] };
      expect(body.reasons).toEqual([expect.stringContaining(`database: schema is behind this build, 1 migration(s) not applied (${String(last.migration_name)})`)]);
    } finally {
      const cols = Object.keys(last);
      sqlite.prepare(`INSERT INTO _prisma_migrations (${cols.join(",")}) VALUES (${cols.map(() => "?").join(",")})`).run(...Object.values(last));
      sqlite.close();
    }
    expect((await fetch(`${app.baseUrl}/api/health/ready`)).status).toBe(200);
  });
});

describe("the log", () => {
  it("holds no credential: registry password, Basic header, user password, session cookie or secret, API or metrics token", async () => {
    // a failed sign-in with a password that must not be echoed either
    const wrong = `wrong-${randomBytes(8).toString("hex")}`;
    await signInLocal(app.baseUrl, "admin", wrong).catch(() => null);
    await new Promise((r) => setTimeout(r, 300));
    const log = app.log();
    const basic = Buffer.from(`alice:${REGISTRY_USERS.alice.password}`).toString("base64");
    const secrets = {
      registryPassword: REGISTRY_USERS.alice.password,
      basicHeader: basic,
      userPassword: USER_PASSWORD,
      wrongPassword: wrong,
      sessionCookie: cookie.split("=")[1]!,
      sessionSecret: SESSION_SECRET,
      apiToken,
      metricsToken: METRICS_TOKEN,
    };
    const leaked = Object.entries(secrets).filter(([, v]) => log.includes(v));
    expect(leaked.map(([k]) => k)).toEqual([]);
    expect(jsonLines().filter((l) => l.msg === "request").length).toBeGreaterThan(10);
    expect(log).not.toMatch(/uncaughtException|unhandledRejection/i);
  });
});
