import { generateKeyPairSync } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadConfig } from "@/lib/config/load-config";
import { AppError } from "@/lib/errors";
import { loadTrust } from "./load-trust";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-trust-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function config(trust: string) {
  const file = path.join(dir, "kitgate.yaml");
  await writeFile(file, `registries:\n  - name: local\n    layout: ./registry\n${trust}`);
  return loadConfig(file);
}

describe("loadTrust", () => {
  it("reads configured keys and the trusted root relative to the config file", async () => {
    await mkdir(path.join(dir, "keys"));
    const pem = generateKeyPairSync("ed25519").publicKey.export({ type: "spki", format: "pem" });
    await writeFile(path.join(dir, "keys/ci.pub"), pem);
    await writeFile(path.join(dir, "root.json"), JSON.stringify({ mediaType: "application/vnd.dev.sigstore.trustedroot+json;version=0.1" }));
    const trust = await loadTrust(await config("trust:\n  keys:\n    - { name: ci, publicKeyFile: ./keys/ci.pub }\n  sigstoreTrustedRoot: ./root.json\n"));
    expect(trust.keys.map((k) => k.name)).toEqual(["ci"]);
    expect(trust.sigstoreTrustedRoot).toMatchObject({ mediaType: expect.stringContaining("trustedroot") });
  });

  it("names the key whose file cannot be read", async () => {
    const cfg = await config("trust:\n  keys:\n    - { name: ci, publicKeyFile: ./missing.pub }\n");
    const err = await loadTrust(cfg).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("CONFIG_INVALID");
    expect((err as AppError).message).toContain("trust.keys[0] (ci)");
  });

  it("rejects duplicate key names at load", async () => {
    const err = await config("trust:\n  keys:\n    - { name: ci, publicKeyFile: a.pub }\n    - { name: ci, publicKeyFile: b.pub }\n").catch((e: unknown) => e);
    expect((err as AppError).message).toMatch(/unique/);
  });

  it("has no keys and no root when trust is not configured", async () => {
    expect(await loadTrust(await config(""))).toEqual({ keys: [], sigstoreTrustedRoot: null, notationTrustStore: false });
  });
});
