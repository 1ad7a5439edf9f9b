import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { loadConfig } from "./load-config";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-config-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  delete process.env.KG_TEST_USER;
  delete process.env.KG_TEST_PASS;
});

async function write(yaml: string, name = "kitgate.yaml"): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, yaml);
  return file;
}

async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  }
  throw new Error("expected loadConfig to fail");
}

describe("loadConfig", () => {
  it("resolves a layout registry and the cache dir against the config file's directory", async () => {
    const file = await write("registries:\n  - name: local\n    layout: ./data/registry\ncache:\n  dir: cache\n  maxBytes: 1GiB\n");
    const config = await loadConfig(file);
    expect(config.registries).toEqual([{ kind: "oci-layout", name: "local", layout: path.join(dir, "data/registry") }]);
    expect(config.cache).toEqual({ dir: path.join(dir, "cache"), maxBytes: 1024 ** 3 });
  });

  it("reads basic credentials from the env vars the file names", async () => {
    process.env.KG_TEST_USER = "alice";
    process.env.KG_TEST_PASS = "s3cret";
    const file = await write(
      "registries:\n  - name: acme\n    url: https://registry.acme.example/\n    auth: { type: basic, usernameEnv: KG_TEST_USER, passwordEnv: KG_TEST_PASS }\n    repositories: [team/fraud]\n",
    );
    const config = await loadConfig(file);
    expect(config.registries[0]).toEqual({
      kind: "remote",
      name: "acme",
      url: "https://registry.acme.example",
      auth: { type: "basic", username: "alice", password: "s3cret" },
      repositories: ["team/fraud"],
    });
  });

  it("names the bad key when a required auth field is missing", async () => {
    const file = await write(
      "registries:\n  - name: local\n    layout: ./r\n  - name: acme\n    url: https://r.example\n    auth: { type: basic, usernameEnv: U }\n",
    );
    const e = await errorOf(loadConfig(file));
    expect(e.code).toBe("CONFIG_INVALID");
    expect(e.message).toContain("registries[1].auth.passwordEnv: required");
  });

  it("names the missing environment variable", async () => {
    process.env.KG_TEST_USER = "alice";
    const file = await write(
      "registries:\n  - name: acme\n    url: https://r.example\n    auth: { type: basic, usernameEnv: KG_TEST_USER, passwordEnv: KG_TEST_PASS }\n",
    );
    const e = await errorOf(loadConfig(file));
    expect(e.message).toContain("KG_TEST_PASS");
    expect(e.message).toContain("registries[0].auth.passwordEnv");
  });

  it("rejects duplicate registry names and bad names", async () => {
    const file = await write("registries:\n  - name: local\n    layout: ./a\n  - name: local\n    layout: ./b\n  - name: Bad_Name\n    layout: ./c\n");
    const e = await errorOf(loadConfig(file));
    expect(e.message).toContain('registries[1].name: duplicate registry name "local"');
    expect(e.message).toContain("registries[2].name:");
  });

  it("rejects unknown keys and a registry with both url and layout", async () => {
    const file = await write("registries:\n  - name: x\n    layout: ./a\n    url: https://r.example\nregistrys: []\n");
    const e = await errorOf(loadConfig(file));
    expect(e.message).toContain("registries[0].url: not allowed with `layout`");
    expect(e.message).toContain('"registrys"');
  });

  it("reads KITGATE_CONFIG when no path is given and re-reads the file after it changes", async () => {
    const file = await write("registries:\n  - name: one\n    layout: ./a\n");
    const before = process.env.KITGATE_CONFIG;
    process.env.KITGATE_CONFIG = file;
    try {
      const first = await loadConfig();
      expect(await loadConfig()).toBe(first);
      await writeFile(file, "registries:\n  - name: two\n    layout: ./a\n    \n");
      const second = await loadConfig();
      expect(second.registries[0]?.name).toBe("two");
    } finally {
      if (before === undefined) delete process.env.KITGATE_CONFIG;
      else process.env.KITGATE_CONFIG = before;
    }
  });

  it("accepts the repository's default kitgate.yaml", async () => {
    const config = await loadConfig(path.resolve(__dirname, "../../kitgate.yaml"));
    expect(config.registries.map((r) => r.name)).toContain("local");
  });
});
