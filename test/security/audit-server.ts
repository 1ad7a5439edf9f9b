// A production Kitgate (`next start`) for the audit findings of the security suite: the demo registry, local accounts
// with a per-run random password, Kitgate's signing key (generated per run) and a checkpoint file outside the database.
import Database from "better-sqlite3";
import bcrypt from "bcryptjs";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startKitgate, type RunningKitgate } from "../support/auth/start-kitgate";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface AuditServer {
  app: RunningKitgate;
  dir: string;
  dbFile: string;
  checkpointFile: string;
  publicKeyFile: string;
  cookie(user: string): Promise<string>;
  get(auth: string, url: string): Promise<Response>;
  post(cookie: string, url: string, body: unknown): Promise<Response>;
  sql<T>(fn: (db: Database.Database) => T): T;
  stop(): Promise<void>;
}

/** `grants` are `access:` lines (YAML flow maps); users are `admin` (admin group) plus `users`, one group each (`g-<name>`). */
export async function startAuditServer(opts: { users: string[]; grants: string[] }): Promise<AuditServer> {
  const dir = mkdtempSync(path.join(tmpdir(), "kitgate-sec-audit-"));
  const password = randomBytes(12).toString("base64url");
  const hash = bcrypt.hashSync(password, 4);
  mkdirSync(path.join(dir, "keys"));
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  writeFileSync(path.join(dir, "keys", "kitgate.key"), privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
  const publicKeyFile = path.join(dir, "keys", "kitgate.pub");
  writeFileSync(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }));
  const checkpointFile = path.join(dir, "outside-the-database", "audit-checkpoints.jsonl");
  const users = ["admin", ...opts.users].map((u) => `    - { username: ${u}, passwordHash: "${hash}", groups: [g-${u}] }`).join("\n");
  const configPath = path.join(dir, "kitgate.yaml");
  writeFileSync(
    configPath,
    `registries:\n  - { name: local, layout: ${path.join(ROOT, "data/registry")} }\ncache: { dir: ${path.join(dir, "cache")}, maxBytes: 64MiB }\n` +
      `auth:\n  oidc: { issuer: "http://127.0.0.1:9", clientId: x, adminGroup: g-admin }\n  databaseUsers: false\n  localUsers:\n${users}\n` +
      `access:\n${opts.grants.map((g) => `  - ${g}`).join("\n")}\n` +
      `trust:\n  signingKey: { name: kitgate, privateKeyFile: ./keys/kitgate.key }\n` +
      `audit:\n  checkpoints: { file: ${checkpointFile}, everyRows: 100000, everySeconds: 86400 }\n`,
  );
  const dbFile = path.join(dir, "kitgate.db");
  const app = await startKitgate({ configPath, dbFile, env: { KITGATE_VALIDATE_RESPONSES: "1" } });
  const cookies = new Map<string, string>();
  const server: AuditServer = {
    app,
    dir,
    dbFile,
    checkpointFile,
    publicKeyFile,
    async cookie(user) {
      const known = cookies.get(user);
      if (known) return known;
      const csrfRes = await fetch(`${app.baseUrl}/api/auth/csrf`);
      const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
      const res = await fetch(`${app.baseUrl}/api/auth/callback/local`, {
        method: "POST",
        redirect: "manual",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
        body: new URLSearchParams({ csrfToken, username: user, password, json: "true" }),
      });
      const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
      if (!session) throw new Error(`sign-in as ${user} failed: HTTP ${res.status}`);
      cookies.set(user, session.split(";")[0]!);
      return cookies.get(user)!;
    },
    get: (auth, url) => fetch(app.baseUrl + url, { headers: auth.startsWith("kg_") ? { Authorization: `Bearer ${auth}` } : { Cookie: auth }, redirect: "manual" }),
    post: (cookie, url, body) =>
      fetch(app.baseUrl + url, { method: "POST", headers: { Cookie: cookie, Origin: app.baseUrl, "Content-Type": "application/json" }, body: JSON.stringify(body) }),
    sql(fn) {
      const db = new Database(dbFile);
      try {
        return fn(db);
      } finally {
        db.close();
      }
    },
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return server;
}
