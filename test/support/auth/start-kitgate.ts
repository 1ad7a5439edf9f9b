import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface RunningKitgate {
  baseUrl: string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d));
    child.stderr.on("data", (d: Buffer) => (out += d));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} failed:\n${out}`))));
  });
}

/**
 * Starts the production build (`npm run build` must have run) on a free loopback port against a fresh SQLite
 * database migrated with `prisma migrate deploy`, and waits until it answers. Stopped by PID (the binary, not
 * npx, so no orphaned next-server keeps the port).
 */
export async function startKitgate(opts: { configPath: string; dbFile: string; env?: Record<string, string> }): Promise<RunningKitgate> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: `file:${opts.dbFile}`,
    KITGATE_CONFIG: opts.configPath,
    NEXTAUTH_URL: baseUrl,
    // a fresh secret per server: nothing that signs sessions is written in the source, not even for tests
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ...opts.env,
  } as NodeJS.ProcessEnv;
  await run(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], env);
  const child: ChildProcess = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d));
  child.stderr!.on("data", (d: Buffer) => (log += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log}`);
    const up = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}
