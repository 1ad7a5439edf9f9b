import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import path from "node:path";
import { freePort } from "../free-port";

const ROOT = path.resolve(import.meta.dirname, "../../..");

export interface RunningKitgate {
  baseUrl: string;
  /** everything the server printed so far (tests assert no uncaught exception) */
  log(): string;
  stop(): Promise<void>;
}

export interface StartKitgateOptions {
  configPath: string;
  /** a SQLite file (fresh: migrated here) … */
  dbFile?: string;
  /** … or any DATABASE_URL (e.g. PostgreSQL) */
  databaseUrl?: string;
  /** run `prisma migrate deploy` first (default true) */
  migrate?: boolean;
  env?: Record<string, string>;
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

async function prepare(opts: StartKitgateOptions): Promise<{ env: NodeJS.ProcessEnv; port: number; baseUrl: string }> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) throw new Error("no production build: run `npm run build` first");
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const databaseUrl = opts.databaseUrl ?? `file:${opts.dbFile}`;
  const env = {
    ...process.env,
    NODE_ENV: "production",
    NEXT_TELEMETRY_DISABLED: "1",
    DATABASE_URL: databaseUrl,
    KITGATE_CONFIG: opts.configPath,
    NEXTAUTH_URL: baseUrl,
    // a fresh secret per server: nothing that signs sessions is written in the source, not even for tests
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    ...opts.env,
  } as NodeJS.ProcessEnv;
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v === "") delete env[k];
  if (opts.migrate !== false) await run(path.join(ROOT, "node_modules/.bin/prisma"), ["migrate", "deploy"], env);
  return { env, port, baseUrl };
}

function spawnNext(env: NodeJS.ProcessEnv, port: number): { child: ChildProcess; log: () => string } {
  const child = spawn(path.join(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout!.on("data", (d: Buffer) => (log += d));
  child.stderr!.on("data", (d: Buffer) => (log += d));
  return { child, log: () => log };
}

/**
 * Starts the production build (`npm run build` must have run) on a free loopback port against a database migrated
 * with `prisma migrate deploy` (a fresh SQLite file by default), and waits until it answers. Stopped by PID (the
 * binary, not npx, so no orphaned next-server keeps the port). An env value "" removes that variable.
 */
export async function startKitgate(opts: StartKitgateOptions): Promise<RunningKitgate> {
  const { env, port, baseUrl } = await prepare(opts);
  const { child, log } = spawnNext(env, port);
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited early:\n${log()}`);
    const up = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (up) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    baseUrl,
    log,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/**
 * Starts the production server where start-up validation must refuse it: resolves with its exit code, its output
 * and whether /api/health ever answered 200 meanwhile. Kills it (and fails) if it is still running after `timeoutMs`.
 */
export async function startKitgateExpectingExit(
  opts: StartKitgateOptions,
  timeoutMs = 60_000,
): Promise<{ code: number | null; log: string; healthAnswered: boolean }> {
  const { env, port, baseUrl } = await prepare(opts);
  const { child, log } = spawnNext(env, port);
  const exited = new Promise<number | null>((r) => child.once("exit", (code) => r(code)));
  let healthAnswered = false;
  const deadline = Date.now() + timeoutMs;
  while (child.exitCode === null && Date.now() < deadline) {
    if (await fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) }).then((r) => r.ok, () => false)) healthAnswered = true;
    await new Promise((r) => setTimeout(r, 100));
  }
  if (child.exitCode === null) {
    child.kill("SIGTERM");
    await exited;
    throw new Error(`next start kept running although it should have refused to start:\n${log()}`);
  }
  return { code: await exited, log: log(), healthAnswered };
}
