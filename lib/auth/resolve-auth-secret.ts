/**
 * Only for throwaway installs (demo, e2e, `next dev`): sessions signed with a public string can be forged by
 * anyone who reads this file, which is why production refuses it unless KITGATE_DEMO=1 says "this is a demo".
 */
const DEV_ONLY_SECRET = "kitgate-dev-only-session-secret-do-not-use-in-production";

/** The session signing secret: NEXTAUTH_SECRET, or the built-in one where that is safe. */
export function resolveAuthSecret(env: { NEXTAUTH_SECRET?: string; NODE_ENV: string; KITGATE_DEMO: string }): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  if (env.NODE_ENV !== "production" || env.KITGATE_DEMO === "1") return DEV_ONLY_SECRET;
  throw new Error("NEXTAUTH_SECRET is not set (required in production; `openssl rand -base64 32` makes one)");
}
