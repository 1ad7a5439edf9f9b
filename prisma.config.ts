import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// The CLI does not load .env when a config file exists (stack.md P3); DATABASE_URL picks the flavour.
const url = process.env.DATABASE_URL ?? "file:./data/kitgate.db";
const flavour = /^postgres(ql)?:\/\//.test(url) ? "postgres" : "sqlite";

// SHIM 1 (SQLite, migrate dev): the JS schema engine replays migrations into the shadow DB with one
// multi-statement executeRaw, which better-sqlite3 refuses (P3006). Route argument-less SQL to executeScript.
function sqliteShadowFix(factory: PrismaBetterSQLite3): PrismaBetterSQLite3 {
  const connectShadow = factory.connectToShadowDb.bind(factory);
  factory.connectToShadowDb = async () => {
    const adapter = await connectShadow();
    const executeRaw = adapter.executeRaw.bind(adapter);
    adapter.executeRaw = async (q) => (q.args.length === 0 ? (await adapter.executeScript(q.sql), 0) : executeRaw(q));
    return adapter;
  };
  return factory;
}

// node-postgres lets `connectionString` override `database`, which would make the "shadow" DB the main one.
function pgConfig(u: string) {
  const p = new URL(u);
  return {
    host: p.hostname,
    port: Number(p.port || 5432),
    user: decodeURIComponent(p.username),
    password: decodeURIComponent(p.password),
    database: p.pathname.slice(1),
  };
}
type Cfg = ReturnType<typeof pgConfig>;

// SHIM 2 (PG): adapter-pg cannot map the catalog types `name`/"char"; present them as text/text[].
const PG_OID_REMAP: Record<number, number> = { 18: 25, 19: 25, 1003: 1009 };
function remapCatalogTypes<T extends object>(adapter: T): T {
  const a = adapter as unknown as { performIO: (q: unknown) => Promise<{ fields?: { dataTypeID: number }[] }> };
  const performIO = a.performIO.bind(a);
  a.performIO = async (q) => {
    const r = await performIO(q);
    for (const f of r.fields ?? []) f.dataTypeID = PG_OID_REMAP[f.dataTypeID] ?? f.dataTypeID;
    return r;
  };
  return adapter;
}

async function adminQuery(cfg: Cfg, sql: string) {
  const { Client } = (await import("pg")).default;
  const c = new Client(cfg);
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// SHIM 3 (PG, migrate dev): the stock shadow DB is dropped while its pool is still connected.
function pgCliAdapter(cfg: Cfg): PrismaPg {
  const factory = new PrismaPg(cfg);
  const connect = factory.connect.bind(factory);
  factory.connect = async () => remapCatalogTypes(await connect());
  factory.connectToShadowDb = async () => {
    const name = `prisma_shadow_${crypto.randomUUID().replaceAll("-", "")}`;
    await adminQuery(cfg, `CREATE DATABASE "${name}"`);
    const shadow = remapCatalogTypes(await new PrismaPg({ ...cfg, database: name }).connect());
    const dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await adminQuery(cfg, `DROP DATABASE IF EXISTS "${name}"`);
    };
    return shadow;
  };
  return factory;
}

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", flavour),
  migrations: { path: path.join("prisma", flavour, "migrations") },
  engine: "js",
  adapter: async () =>
    flavour === "postgres"
      ? pgCliAdapter(pgConfig(url))
      : sqliteShadowFix(new PrismaBetterSQLite3({ url }, { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL ?? ":memory:" })),
});
