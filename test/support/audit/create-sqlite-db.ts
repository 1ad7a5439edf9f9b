import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const MIGRATIONS = path.resolve(import.meta.dirname, "../../../prisma/sqlite/migrations");

/**
 * A fresh SQLite database with every committed migration applied, the same SQL `prisma migrate deploy` runs.
 * Returns its DATABASE_URL and a cleanup; set the URL before importing lib/db (it reads env once).
 */
export function createSqliteDb(): { url: string; file: string; cleanup: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), "kitgate-audit-"));
  const file = path.join(dir, "test.db");
  const sqlite = new Database(file);
  for (const name of readdirSync(MIGRATIONS).filter((n) => /^\d+_/.test(n)).sort()) {
    sqlite.exec(readFileSync(path.join(MIGRATIONS, name, "migration.sql"), "utf8"));
  }
  sqlite.close();
  return { url: `file:${file}`, file, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
