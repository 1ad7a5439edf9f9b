import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgClient } from "./generated/postgres/client";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { env } from "./env";

/** App code uses the API subset common to both flavours; one build serves SQLite and PostgreSQL. */
export type Db = SqliteClient;

export const dbFlavour: "sqlite" | "postgres" = /^postgres(ql)?:\/\//.test(env.DATABASE_URL) ? "postgres" : "sqlite";

function createDb(): Db {
  if (dbFlavour === "postgres") {
    return new PgClient({ adapter: new PrismaPg({ connectionString: env.DATABASE_URL }) }) as unknown as Db;
  }
  return new SqliteClient({ adapter: new PrismaBetterSQLite3({ url: env.DATABASE_URL }) });
}

// One client per process: Next's dev server re-evaluates modules, which would otherwise leak connections.
const g = globalThis as unknown as { __kitgateDb?: Db };
export const db: Db = (g.__kitgateDb ??= createDb());
