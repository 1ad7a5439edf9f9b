import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./resolve-auth-secret";

describe("resolveAuthSecret", () => {
  it("uses NEXTAUTH_SECRET when set and refuses a short one", () => {
    const secret = "s".repeat(40);
    expect(resolveAuthSecret({ NEXTAUTH_SECRET: secret, KITGATE_DEMO: "0" })).toBe(secret);
    expect(() => resolveAuthSecret({ NEXTAUTH_SECRET: "short", KITGATE_DEMO: "1" })).toThrow(/at least 32/);
  });

  it("has no built-in secret: without NEXTAUTH_SECRET outside demo mode it refuses", () => {
    expect(() => resolveAuthSecret({ KITGATE_DEMO: "0" })).toThrow(/NEXTAUTH_SECRET is not set/);
  });

  it("in demo mode generates a random secret once into a 0600 file and reuses it", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-secret-"));
    const file = path.join(dir, "data", "session-secret");
    const first = resolveAuthSecret({ KITGATE_DEMO: "1" }, file);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, "utf8").trim()).toBe(first);
    // another directory, another install: another secret
    const other = resolveAuthSecret({ KITGATE_DEMO: "1" }, path.join(dir, "other", "session-secret"));
    expect(other).not.toBe(first);
  });

  it("tightens a world-readable secret file and rejects a too-short one", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "kg-secret-"));
    const file = path.join(dir, "session-secret");
    writeFileSync(file, "x".repeat(43), { mode: 0o644 });
    expect(resolveAuthSecret({ KITGATE_DEMO: "1" }, file)).toBe("x".repeat(43));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const short = path.join(dir, "short");
    writeFileSync(short, "abc", { mode: 0o600 });
    expect(() => resolveAuthSecret({ KITGATE_DEMO: "1" }, short)).toThrow(/fewer than 32/);
  });
});
