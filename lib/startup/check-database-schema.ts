import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import type { Db } from "@/lib/db";

export interface SchemaCheck {
  problems: string[];
  warnings: string[];
}

/**
 * Whether the database has every migration this build ships (`prisma/<flavour>/migrations`, read from the working
 * directory the server runs in — the same folder `prisma migrate deploy` applies). A missing table or a pending
 * migration is a problem (queries would fail with 500s later); migrations the build does not know are only a
 * warning, because during a rolling upgrade the new schema is applied before the last old replica stops.
 */
export async function checkDatabaseSchema(db: Db, flavour: "sqlite" | "postgres", root = process.cwd()): Promise<SchemaCheck> {
  const dir = path.join(root, "prisma", flavour, "migrations");
  const deploy = "run `npx prisma migrate deploy` with the same DATABASE_URL";
  let expected: string[];
  try {
    expected = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
  } catch {
    return { problems: [`database: the migrations folder ${dir} is missing (ship prisma/ with the build)`], warnings: [] };
  }
  let rows: { migration_name: string; finished_at: unknown; rolled_back_at: unknown }[];
  try {
    rows = await db.$queryRawUnsafe(`SELECT migration_name, finished_at, rolled_back_at FROM _prisma_migrations`);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/_prisma_migrations|no such table|does not exist/i.test(message)) {
      return { problems: [`database: not migrated (no _prisma_migrations table): ${deploy}`], warnings: [] };
    }
    return { problems: [`database: cannot query it: ${message.split("\n")[0]}`], warnings: [] };
  }
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  const pending = expected.filter((m) => !applied.has(m));
  const problems: string[] = [];
  if (failed.length > 0) problems.push(`database: migration ${failed.join(", ")} started but did not finish (see \`npx prisma migrate status\`)`);
  if (pending.length > 0) {
    problems.push(`database: schema is behind this build, ${pending.length} migration(s) not applied (${pending.join(", ")}): ${deploy}`);
  }
  const unknown = [...applied].filter((m) => !expected.includes(m));
  const warnings = unknown.length > 0 ? [`database: has migrations this build does not know (${unknown.join(", ")}): a newer Kitgate migrated it`] : [];
  return { problems, warnings };
}
