import { randomBytes } from "node:crypto";

// Ports and env of the second Next server the auth suite runs against (sign-in required, test IdP), shared by
// playwright.config.ts's webServer entries and e2e/auth*.spec.ts.
import { contractEnv } from "./api-contract";
export const AUTH_PORT = 3101;
export const AUTH_BASE_URL = `http://127.0.0.1:${AUTH_PORT}`;
export const OIDC_PORT = 4100;
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
/** per run, shared by the IdP and Kitgate through their environments (both are started by Playwright's main process) */
export const E2E_OIDC_SECRET = randomBytes(16).toString("hex");

export const oidcWebServer = {
  command: "node e2e/support/oidc-server.mjs",
  url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
  reuseExistingServer: false,
  timeout: 30_000,
  env: { OIDC_PORT: String(OIDC_PORT), OIDC_APP_URL: AUTH_BASE_URL, E2E_OIDC_SECRET },
};

export const authWebServer = {
  // fresh database each run; exec so Playwright's stop signal reaches next-server itself
  command: `rm -f data/e2e-auth.db && node_modules/.bin/prisma migrate deploy >/dev/null && exec node_modules/.bin/next start -H 127.0.0.1 -p ${AUTH_PORT}`,
  url: `${AUTH_BASE_URL}/api/health`,
  reuseExistingServer: false,
  timeout: 90_000,
  env: {
    KITGATE_CONFIG: "./e2e/support/kitgate.auth.yaml",
    DATABASE_URL: "file:./data/e2e-auth.db",
    NEXTAUTH_URL: AUTH_BASE_URL,
    // per run: nothing that signs sessions is written in the source
    NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
    E2E_OIDC_SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
    ...contractEnv,
  },
};
