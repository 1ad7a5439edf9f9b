// Starts a real Debian `docker-registry` (CNCF distribution 2.8) on a free loopback port with a temp
// config, in one of three auth modes, and stops it by PID. See stack.md §7 for the recipe.
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { startTokenServer, type TokenServer } from "@/test/support/registry/token-server";
import { freePort } from "../free-port";

const run = promisify(execFile);

export type RegistryMode = "anonymous" | "basic" | "token";

/** Test users: alice may push and delete, bob may only pull (the difference is enforced in token mode only). */
export const REGISTRY_USERS = {
  alice: { password: "alice-pass", actions: ["pull", "push", "delete"] },
  bob: { password: "bob-pass", actions: ["pull"] },
} as const;

export interface RunningRegistry {
  url: string;
  mode: RegistryMode;
  /** the token server, in token mode */
  tokenServer?: TokenServer;
  /** what the config's `auth.realmHosts` must list for Kitgate to use the token server (another port) */
  realmHosts: string[];
  stop(): Promise<void>;
}


async function waitUntilUp(url: string, child: ReturnType<typeof spawn>, log: () => string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`docker-registry exited with ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/v2/`);
      await res.body?.cancel();
      if (res.status === 200 || res.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`docker-registry did not answer on ${url}/v2/:\n${log()}`);
}

export async function startRegistry(opts: { mode: RegistryMode }): Promise<RunningRegistry> {
  const dir = await mkdtemp(path.join(tmpdir(), "kitgate-registry-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let tokenServer: TokenServer | undefined;
  let auth = "";
  try {
    if (opts.mode === "basic") {
      const lines: string[] = [];
      for (const [user, { password }] of Object.entries(REGISTRY_USERS)) {
        lines.push((await run("htpasswd", ["-Bbn", user, password])).stdout.trim());
      }
      await writeFile(path.join(dir, "htpasswd"), `${lines.join("\n")}\n`);
      auth = `auth:\n  htpasswd:\n    realm: kitgate-test\n    path: ${path.join(dir, "htpasswd")}\n`;
    } else if (opts.mode === "token") {
      const keyFile = path.join(dir, "token.key");
      const certFile = path.join(dir, "token.crt");
      await run("openssl", [
        "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", keyFile, "-out", certFile,
        "-subj", "/CN=kitgate-test-token", "-days", "1",
      ]);
      tokenServer = await startTokenServer({
        service: "kitgate-test-registry",
        issuer: "kitgate-test-issuer",
        keyPem: await readFile(keyFile, "utf8"),
        certPem: await readFile(certFile, "utf8"),
        users: Object.fromEntries(Object.entries(REGISTRY_USERS).map(([u, v]) => [u, { password: v.password, actions: [...v.actions] }])),
      });
      auth =
        `auth:\n  token:\n    realm: ${tokenServer.realm}\n    service: kitgate-test-registry\n` +
        `    issuer: kitgate-test-issuer\n    rootcertbundle: ${certFile}\n`;
    }
    const config =
      `version: 0.1\nlog:\n  level: warn\nstorage:\n  filesystem:\n    rootdirectory: ${path.join(dir, "data")}\n` +
      `  delete:\n    enabled: true\n  cache:\n    blobdescriptor: inmemory\n` +
      `http:\n  addr: 127.0.0.1:${port}\n  secret: kitgate-test-only\n  headers:\n    X-Content-Type-Options: [nosniff]\n` +
      auth;
    await writeFile(path.join(dir, "config.yml"), config);
  } catch (e) {
    await tokenServer?.stop();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }

  const child = spawn("docker-registry", ["serve", path.join(dir, "config.yml")], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (b: Buffer) => {
    output = (output + b.toString()).slice(-20_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pid = child.pid;

  const stop = async () => {
    if (pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      process.kill(pid, "SIGTERM");
      await exited;
    }
    await tokenServer?.stop();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilUp(url, child, () => output);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, mode: opts.mode, tokenServer, realmHosts: tokenServer ? [new URL(tokenServer.realm).host] : [], stop };
}
