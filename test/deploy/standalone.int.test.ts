// The directory the container image copies (scripts/build-standalone.sh over `next build`'s standalone output),
// started the way the image starts it — `node server.js` from that directory, nothing else of this checkout — on
// SQLite with the demo layout registry: ready, signs in, reads a ModelKit, serves pages and their static assets,
// answers /metrics, writes nothing into its own directory (a read-only root file system), and stops on SIGTERM.
import bcrypt from "bcryptjs";
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signInLocal } from "@/test/support/auth/sign-in-local";
import { freePort } from "../support/free-port";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PASSWORD = randomBytes(12).toString("base64url");
const METRICS_TOKEN = randomBytes(24).toString("base64url");

let dir: string;
let out: string;
let server: ChildProcess;
let log = "";
let baseUrl: string;
let before: Map<string, number>;


/** Every file under `root` with its modification time. */
function listing(root: string): Map<string, number> {
  const files = new Map<string, number>();
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else files.set(path.relative(root, p), statSync(p).mtimeMs);
    }
  };
  walk(root);
  return files;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "kitgate-standalone-"));
  out = path.join(dir, "app");
  execFileSync("bash", [path.join(ROOT, "scripts/build-standalone.sh"), out], { cwd: ROOT, stdio: "pipe" });
  const dbFile = path.join(dir, "kitgate.db");
  // the migration Job's step, from this checkout (the image's `tools` target)
  execFileSync(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: `file:${dbFile}` },
    stdio: "pipe",
  });
  const configPath = path.join(dir, "kitgate.yaml");
  writeFileSync(
    configPath,
    `registries:\n  - { name: local, layout: ${path.join(ROOT, "data/registry")} }\n` +
      `cache: { dir: ${path.join(dir, "cache")}, maxBytes: 64MiB }\n` +
      `auth:\n  databaseUsers: false\n  localUsers:\n    - { username: admin, passwordHash: "${bcrypt.hashSync(PASSWORD, 4)}", groups: [admins] }\n` +
      `access:\n  - { group: admins, role: admin, scope: "*" }\n`,
  );
  before = listing(out);
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, ["server.js"], {
    cwd: out,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      HOSTNAME: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: `file:${dbFile}`,
      KITGATE_CONFIG: configPath,
      NEXTAUTH_URL: baseUrl,
      NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
      KITGATE_METRICS_TOKEN: METRICS_TOKEN,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout!.on("data", (d: Buffer) => (log += d));
  server.stderr!.on("data", (d: Buffer) => (log += d));
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server.js exited ${server.exitCode}:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server.js not ready in 90 s:\n${log}`);
    const ready = await fetch(`${baseUrl}/api/health/ready`).then((r) => r.status === 200, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 250));
  }
}, 180_000);

afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill("SIGKILL");
    await new Promise((r) => server.once("exit", r));
  }
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("the standalone server (what the image runs)", () => {
  it("ships the server, its static assets and migrations, and nothing of this checkout's state", () => {
    for (const f of ["server.js", ".next/static", "prisma/sqlite/migrations", "prisma/postgres/migrations", "node_modules/better-sqlite3"]) {
      expect(existsSync(path.join(out, f)), f).toBe(true);
    }
    for (const f of ["data", "kitgate.yaml", ".env", "test", "e2e", ".next/cache"]) expect(existsSync(path.join(out, f)), f).toBe(false);
  });

  it("signs in and reads a ModelKit through its own Prisma client, config and layout store", async () => {
    const cookie = await signInLocal(baseUrl, "admin", PASSWORD);
    const res = await fetch(`${baseUrl}/api/v1/modelkit?ref=local/demo/fraud-detection:1.0.0`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { view: { layers: unknown[] } };
    expect(body.view.layers.length).toBeGreaterThan(0);
  });

  it("serves a page with the static assets it references", async () => {
    const cookie = await signInLocal(baseUrl, "admin", PASSWORD);
    const page = await fetch(`${baseUrl}/repositories/local/demo/fraud-detection`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    const html = await page.text();
    const asset = /\/_next\/static\/[^"']+\.(?:js|css)/.exec(html)?.[0];
    expect(asset).toBeDefined();
    expect((await fetch(baseUrl + asset!)).status).toBe(200);
  });

  it("answers /metrics with route templates and writes JSON access lines", async () => {
    const res = await fetch(`${baseUrl}/metrics`, { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
    expect(res.status).toBe(200);
    expect(await res.text()).toMatch(/kitgate_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/modelkit",status="200"\} 1/);
    const access = log.split("\n").filter((l) => l.startsWith("{") && l.includes('"msg":"request"'));
    expect(access.length).toBeGreaterThan(3);
  });

  it("writes nothing into its own directory (a read-only root file system is enough)", () => {
    const after = listing(out);
    const changed = [...after].filter(([f, mtime]) => before.get(f) !== mtime).map(([f]) => f);
    expect(changed).toEqual([]);
  });

  it("stops on SIGTERM", async () => {
    const exited = new Promise<number | null>((r) => server.once("exit", (code) => r(code)));
    server.kill("SIGTERM");
    await exited;
    expect(server.exitCode !== null || server.signalCode !== null).toBe(true);
    expect(log).not.toMatch(/uncaughtException|unhandledRejection/i);
  });
});
