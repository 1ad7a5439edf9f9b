// A production Kitgate (`next start`) for the security suite: the demo registry, local accounts with per-run
// random passwords (one per role, grants on local/demo/fraud-* only), the demo policies and trust key.
import bcrypt from "bcryptjs";
import { randomBytes } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startKitgate, type RunningKitgate, type StartKitgateOptions } from "../support/auth/start-kitgate";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const PERSONAS = ["viewer", "contributor", "approver", "admin", "outsider"] as const;
export type Persona = (typeof PERSONAS)[number];

export interface SecurityFixture {
  app: RunningKitgate;
  dir: string;
  dbFile: string;
  configPath: string;
  password: string;
  signIn(user: string, password?: string, headers?: Record<string, string>): Promise<Response>;
  cookie(user: Persona): Promise<string>;
  send(cookieOrToken: string, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * kitgate.yaml for the suite; `extra` is appended (top-level keys). A registry `sec` (an OCI layout in `dir/sec`,
 * empty until a test copies a demo repository there) is writable, unlike the shared demo registry.
 */
export function writeConfig(dir: string, password: string, extra = ""): string {
  const hash = bcrypt.hashSync(password, 4);
  const users = PERSONAS.map((p) => `    - { username: ${p}, passwordHash: "${hash}", groups: [g-${p}] }`).join("\n");
  const configPath = path.join(dir, "kitgate.yaml");
  mkdirSync(path.join(dir, "sec"), { recursive: true });
  writeFileSync(
    configPath,
    `registries:\n  - { name: local, layout: ${path.join(ROOT, "data/registry")} }\n  - { name: sec, layout: ${path.join(dir, "sec")} }\n` +
      `cache: { dir: ${path.join(dir, "cache")}, maxBytes: 64MiB }\n` +
      `auth:\n  oidc: { issuer: "http://127.0.0.1:9", clientId: x, adminGroup: g-admin }\n  databaseUsers: false\n  localUsers:\n${users}\n` +
      `access:\n` +
      `  - { group: g-viewer, role: viewer, scope: "local/demo/fraud-*" }\n` +
      `  - { group: g-contributor, role: contributor, scope: "{local,sec}/demo/fraud-*" }\n` +
      `  - { group: g-approver, role: approver, scope: "{local,sec}/demo/fraud-*" }\n` +
      `  - { group: g-outsider, role: approver, scope: "local/demo/churn-*" }\n` +
      `trust:\n  keys: [{ name: ci-scanner, publicKeyFile: ${path.join(ROOT, "data/keys/ci-scanner.pub")} }]\n` +
      `policies: ${path.join(ROOT, "policies")}\n` +
      `environments:\n  - { name: dev }\n  - { name: staging, after: dev }\n  - { name: production, after: staging }\n` +
      extra,
  );
  return configPath;
}

export async function signInRequest(baseUrl: string, username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers });
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  return fetch(`${baseUrl}/api/auth/callback/local`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie, ...headers },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
}

export function sessionCookie(res: Response): string | null {
  return res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="))?.split(";")[0] ?? null;
}

export async function startSecurityFixture(options: { extraConfig?: string; start?: Partial<StartKitgateOptions> } = {}): Promise<SecurityFixture> {
  const dir = mkdtempSync(path.join(tmpdir(), "kitgate-security-"));
  const password = randomBytes(12).toString("base64url");
  const configPath = writeConfig(dir, password, options.extraConfig);
  const dbFile = path.join(dir, "kitgate.db");
  // every response is also checked against the OpenAPI contract (lib/http/define-route.ts): error codes included
  const app = await startKitgate({ configPath, dbFile, ...options.start, env: { KITGATE_VALIDATE_RESPONSES: "1", ...options.start?.env } });
  const cookies = new Map<string, string>();
  const fixture: SecurityFixture = {
    app,
    dir,
    dbFile,
    configPath,
    password,
    signIn: (user, pw = password, headers = {}) => signInRequest(app.baseUrl, user, pw, headers),
    async cookie(user) {
      let c = cookies.get(user);
      if (!c) {
        const res = await fixture.signIn(user);
        c = sessionCookie(res) ?? undefined;
        if (!c) throw new Error(`sign-in as ${user} failed: HTTP ${res.status}`);
        cookies.set(user, c);
      }
      return c;
    },
    send(auth, method, url, body, headers = {}) {
      const h: Record<string, string> = { ...headers };
      if (auth.startsWith("kg_") || auth.startsWith("Bearer ")) h.Authorization = auth.startsWith("Bearer ") ? auth : `Bearer ${auth}`;
      else if (auth) h.Cookie = auth;
      if (body !== undefined) h["Content-Type"] = "application/json";
      if (method !== "GET") h.Origin = app.baseUrl;
      return fetch(app.baseUrl + url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body), redirect: "manual" });
    },
    async stop() {
      await app.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return fixture;
}

/** Copies a demo repository into the fixture's writable `sec` registry. */
export function copyDemoRepository(dir: string, repository: string): void {
  cpSync(path.join(ROOT, "data/registry", repository), path.join(dir, "sec", repository), { recursive: true });
}

/** Points `tag` at the manifest `existingTag` names, in a layout repository (what `kit tag`/`skopeo copy` would do). */
export function addLayoutTag(dir: string, repository: string, existingTag: string, tag: string): string {
  const file = path.join(dir, "sec", repository, "index.json");
  const index = JSON.parse(readFileSync(file, "utf8")) as { manifests: { digest: string; annotations?: Record<string, string> }[] };
  const REF = "org.opencontainers.image.ref.name";
  const source = index.manifests.find((m) => m.annotations?.[REF] === existingTag);
  if (!source) throw new Error(`${repository}:${existingTag} not found`);
  index.manifests = index.manifests.filter((m) => m.annotations?.[REF] !== tag);
  index.manifests.push({ ...source, annotations: { ...source.annotations, [REF]: tag } });
  writeFileSync(file, JSON.stringify(index));
  return source.digest;
}

/** next-auth's sign-out: CSRF token first, then the POST that ends the session. */
export async function signOutRequest(baseUrl: string, sessionCookie: string): Promise<Response> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`, { headers: { Cookie: sessionCookie } });
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  return fetch(`${baseUrl}/api/auth/signout`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: `${sessionCookie}; ${csrfCookie}` },
    body: new URLSearchParams({ csrfToken, json: "true" }),
  });
}
