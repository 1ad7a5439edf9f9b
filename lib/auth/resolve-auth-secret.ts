import { chmodSync, mkdirSync, openSync, readFileSync, statSync, writeSync, closeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";

/** next-auth signs session JWTs with this; fewer bytes would make forging a session a matter of computing time. */
export const MIN_SECRET_CHARS = 32;
/** Where a demo install keeps its generated secret (relative to the working directory, like `./data/kitgate.db`). */
export const DEMO_SECRET_FILE = "data/session-secret";

export interface AuthSecretEnv {
  NEXTAUTH_SECRET?: string;
  KITGATE_DEMO: string;
}

/**
 * The session signing secret. There is no built-in fallback anywhere: a secret in the source signs cookies anyone
 * can forge (red-team finding 1). A real install sets NEXTAUTH_SECRET; a demo (`KITGATE_DEMO=1`) without it gets
 * a random secret generated once into data/session-secret (mode 0600) and reused on restart, so sessions survive
 * restarts and nothing guessable ever signs them. Throws with the fix in the message otherwise.
 */
export function resolveAuthSecret(env: AuthSecretEnv, demoFile: string = DEMO_SECRET_FILE): string {
  if (env.NEXTAUTH_SECRET) {
    if (env.NEXTAUTH_SECRET.length < MIN_SECRET_CHARS) {
      throw new Error(`NEXTAUTH_SECRET must be at least ${MIN_SECRET_CHARS} characters (\`openssl rand -base64 32\` makes one)`);
    }
    return env.NEXTAUTH_SECRET;
  }
  if (env.KITGATE_DEMO === "1") return demoSecret(path.resolve(/* turbopackIgnore: true */ demoFile));
  throw new Error("NEXTAUTH_SECRET is not set: it signs session cookies (`openssl rand -base64 32` makes one; `npm run demo` generates its own)");
}

const memo = new Map<string, string>();

function demoSecret(file: string): string {
  const hit = memo.get(file);
  if (hit) return hit;
  mkdirSync(path.dirname(file), { recursive: true });
  try {
    // `wx`: exactly one process creates it; a second process starting at the same moment reads the winner's secret
    const fd = openSync(file, "wx", 0o600);
    try {
      writeSync(fd, `${randomBytes(32).toString("base64url")}\n`);
    } finally {
      closeSync(fd);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
  }
  // tighten a copied or hand-made file: the secret is as good as an admin password
  if ((statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < MIN_SECRET_CHARS) {
    throw new Error(`${file} holds fewer than ${MIN_SECRET_CHARS} characters: delete it and Kitgate makes a new one`);
  }
  memo.set(file, secret);
  return secret;
}
