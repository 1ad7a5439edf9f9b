// Start-up validation (issue 10 finding 1, issue 12 item 4) against the production server: a process that cannot
// work must say why and exit non-zero before it serves anything, never print Ready and answer 500 everywhere.
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startKitgate, startKitgateExpectingExit } from "../support/auth/start-kitgate";
import { ROOT, sessionCookie, signInRequest, writeConfig } from "./security-fixture";

const dirs: string[] = [];
function tempDir(): string {
  const d = mkdtempSync(path.join(tmpdir(), "kitgate-startup-"));
  dirs.push(d);
  return d;
}
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("start-up validation", () => {
  it("finding 1: without NEXTAUTH_SECRET outside demo mode the server exits 1 naming it, and never reports healthy", async () => {
    const dir = tempDir();
    const r = await startKitgateExpectingExit({
      configPath: writeConfig(dir, "x"),
      dbFile: path.join(dir, "k.db"),
      env: { NEXTAUTH_SECRET: "", KITGATE_DEMO: "0" },
    });
    expect(r.code).toBe(1);
    expect(r.log).toContain("cannot start");
    expect(r.log).toContain("NEXTAUTH_SECRET is not set");
    expect(r.healthAnswered).toBe(false);
  });

  it("an invalid config, a missing key file and an unmigrated database are all reported at once", async () => {
    const dir = tempDir();
    const configPath = writeConfig(dir, "x", "");
    writeFileSync(
      configPath,
      readFileSync(configPath, "utf8")
        .replace('scope: "local/demo/churn-*"', 'scope: "local/*?*?X"')
        .replace(path.join(ROOT, "data/keys/ci-scanner.pub"), path.join(dir, "missing.pub")),
    );
    const r = await startKitgateExpectingExit({ configPath, dbFile: path.join(dir, "k.db"), migrate: false });
    expect(r.code).toBe(1);
    expect(r.log).toMatch(/access\[3\]\.scope: scope "local\/\*\?\*\?X"/);
    expect(r.healthAnswered).toBe(false);

    // with the scope fixed, the key file and the database are the next problems, reported together
    writeFileSync(configPath, readFileSync(configPath, "utf8").replace('scope: "local/*?*?X"', 'scope: "local/demo/churn-*"'));
    const r2 = await startKitgateExpectingExit({ configPath, dbFile: path.join(dir, "k2.db"), migrate: false });
    expect(r2.code).toBe(1);
    expect(r2.log).toContain("missing.pub");
    expect(r2.log).toMatch(/database: not migrated.*prisma migrate deploy/);
  });

  it("finding 1: demo mode generates a random session secret once (data/session-secret, 0600) and reuses it after a restart", async () => {
    const dir = tempDir();
    const password = randomBytes(9).toString("base64url");
    const configPath = writeConfig(dir, password);
    const dbFile = path.join(dir, "k.db");
    const demo = { NEXTAUTH_SECRET: "", KITGATE_DEMO: "1" };
    const first = await startKitgate({ configPath, dbFile, env: demo });
    let cookie: string | null;
    try {
      cookie = sessionCookie(await signInRequest(first.baseUrl, "viewer", password));
      expect(cookie).not.toBeNull();
    } finally {
      await first.stop();
    }
    const file = path.join(ROOT, "data/session-secret");
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim().length).toBeGreaterThanOrEqual(32);

    const second = await startKitgate({ configPath, dbFile, migrate: false, env: demo });
    try {
      const res = await fetch(`${second.baseUrl}/api/v1/tokens`, { headers: { Cookie: cookie! } });
      expect(res.status).toBe(200);
    } finally {
      await second.stop();
    }
  });
});
