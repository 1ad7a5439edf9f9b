import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "../free-port";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../../prisma/postgres/migrations");

function binDir(): string {
  const root = "/usr/lib/postgresql";
  const version = readdirSync(root).sort().at(-1);
  if (!version) throw new Error("PostgreSQL is not installed (apt-get install postgresql)");
  return path.join(root, version, "bin");
}


/**
 * A throwaway PostgreSQL cluster on a free loopback port with every committed migration applied. initdb refuses
 * to run as root, so the cluster belongs to the `postgres` system user when the test runs as root. Tests run with
 * `fsync=off` (nothing to keep); benchmarks pass `{ fsync: true }` so commits cost what they cost in production.
 * A failure after the cluster started stops it again, so no postmaster outlives a failed run.
 */
export async function startPostgres(opts: { fsync?: boolean; migrate?: boolean } = {}): Promise<{ url: string; stop: () => void }> {
  const bin = binDir();
  const dir = mkdtempSync(path.join(tmpdir(), "kitgate-pg-"));
  const data = path.join(dir, "data");
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" }) : execFileSync(path.join(bin, cmd), args, { stdio: "pipe" });
  if (asRoot) {
    chmodSync(dir, 0o755);
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    chownSync(dir, uid, gid);
  }
  run("initdb", ["-D", data, "-A", "trust", "-U", "kitgate", "--no-sync"]);
  const port = await freePort();
  const fsync = opts.fsync ? "on" : "off";
  run("pg_ctl", ["-D", data, "-w", "-l", path.join(dir, "log"), "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=${fsync} -c max_connections=200`, "start"]);
  const url = `postgresql://kitgate@127.0.0.1:${port}/postgres`;
  const stop = () => {
    const args = ["-D", data, "-m", "immediate", "stop"];
    if (asRoot) spawnSync("runuser", ["-u", "postgres", "--", path.join(bin, "pg_ctl"), ...args]);
    else spawnSync(path.join(bin, "pg_ctl"), args);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    if (opts.migrate !== false) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d+_/.test(n)).sort()) {
          await client.query(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
        }
      } finally {
        await client.end();
      }
    }
  } catch (error) {
    stop();
    throw error;
  }
  return { url, stop };
}
