import "server-only";
import bcrypt from "bcryptjs";
import type { AuthConfig } from "@/lib/config/types";
import { db } from "@/lib/db";
import type { SignInIdentity } from "./types";

/** Compared against when the username is unknown, so both outcomes cost one bcrypt round (no user enumeration by timing). */
const DUMMY_HASH = "$2b$10$JOxgnZARhUcUt4wAzJ6R3eN148woUIbRw6kC//6J6NLlg3ULwI/NC";
/** bcrypt ignores bytes past 72; refusing longer input avoids "long passwords that match by prefix". */
const MAX_PASSWORD_BYTES = 72;

/**
 * Checks a local account: accounts in kitgate.yaml first, then (if enabled) accounts stored in the database.
 * Returns the identity, or null for a wrong password, unknown or disabled user (the caller audits the failure).
 */
export async function verifyLocalPassword(auth: AuthConfig, username: string, password: string): Promise<SignInIdentity | null> {
  if (!username || !password || Buffer.byteLength(password, "utf8") > MAX_PASSWORD_BYTES) return null;
  const fromConfig = auth.localUsers.find((u) => u.username === username);
  if (fromConfig) {
    const ok = await bcrypt.compare(password, fromConfig.passwordHash);
    if (!ok || fromConfig.disabled) return null;
    return {
      id: `local:${username}`,
      provider: "local-config",
      username,
      name: fromConfig.name ?? username,
      email: null,
      groups: fromConfig.groups,
    };
  }
  const row = auth.databaseUsers
    ? await db.user.findUnique({ where: { id: `local:${username}` } })
    : null;
  const hash = row?.provider === "local-db" && row.passwordHash ? row.passwordHash : DUMMY_HASH;
  const ok = await bcrypt.compare(password, hash);
  if (!ok || !row || hash === DUMMY_HASH || row.disabled) return null;
  return {
    id: row.id,
    provider: "local-db",
    username,
    name: row.name,
    email: row.email,
    groups: Array.isArray(row.groups) ? row.groups.filter((g): g is string => typeof g === "string") : [],
  };
}
