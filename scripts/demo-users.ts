// Creates (or resets) the four demo personas as database accounts with fresh random passwords and prints them.
// Their groups get roles on local/* from the default kitgate.yaml. Run by scripts/demo.sh after migrations.
import { randomBytes } from "node:crypto";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import bcrypt from "bcryptjs";
import { PrismaClient as PgClient } from "../lib/generated/postgres/client";
import { PrismaClient as SqliteClient } from "../lib/generated/sqlite/client";

const PERSONAS = [
  { username: "dana", name: "Dana (data scientist)", groups: ["data-scientists"] },
  { username: "sam", name: "Sam (security reviewer)", groups: ["security"] },
  { username: "mia", name: "Mia (manager, approver)", groups: ["managers"] },
  { username: "ada", name: "Ada (admin)", groups: ["kitgate-admins"] },
];

const url = process.env.DATABASE_URL ?? "file:./data/kitgate.db";
const db = /^postgres(ql)?:\/\//.test(url)
  ? (new PgClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as SqliteClient)
  : new SqliteClient({ adapter: new PrismaBetterSQLite3({ url }) });

async function main() {
  const rows: string[] = [];
  for (const p of PERSONAS) {
    // 12 base64url characters: 72 bits, plenty for a demo login and easy to type.
    const password = process.env.KITGATE_DEMO_PASSWORD ?? randomBytes(9).toString("base64url");
    const data = { provider: "local-db", username: p.username, name: p.name, groups: p.groups, passwordHash: bcrypt.hashSync(password, 10), disabled: false };
    await db.user.upsert({ where: { id: `local:${p.username}` }, create: { id: `local:${p.username}`, ...data }, update: data });
    rows.push(`  ${p.username.padEnd(6)} ${password.padEnd(14)} ${p.name}  [${p.groups.join(", ")}]`);
  }
  console.log("Demo accounts (sign in at /signin with a local account):");
  console.log(`  ${"user".padEnd(6)} ${"password".padEnd(14)} who`);
  console.log(rows.join("\n"));
}

main()
  .catch((e: unknown) => {
    console.error(e);
    process.exitCode = 1;
  })
  .finally(() => void db.$disconnect());
