import { randomBytes } from "node:crypto";
import { defineConfig } from "@playwright/test";
import { contractEnv } from "./e2e/support/api-contract";
import { authWebServer, oidcWebServer } from "./e2e/support/auth-server";

// e2e runs against a production build (`npm run build` first) on its own port and database, with Debian's
// Chromium: Playwright's browser download is impossible offline (reference/stack.md §6).
const PORT = 3100;
export const BASE_URL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  reporter: [["list"]],
  // every /api/v1 response of both servers is checked against the OpenAPI contract; violations fail the run
  globalSetup: "./e2e/support/api-contract.ts",
  use: {
    baseURL: BASE_URL,
    browserName: "chromium",
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  webServer: [
    {
      // the binary, not npx: killing npx would orphan next-server and keep the port (stack.md §1)
      command: `node_modules/.bin/next start -H 127.0.0.1 -p ${PORT}`,
      url: `${BASE_URL}/api/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        // the demo registry with anonymous read access (kitgate.yaml grants nothing to anonymous callers)
        KITGATE_CONFIG: "./e2e/kitgate.e2e.yaml",
        DATABASE_URL: "file:./data/e2e.db",
        // sessions are looked up on every request (anonymous here); production refuses to run without a secret
        NEXTAUTH_URL: BASE_URL,
        NEXTAUTH_SECRET: randomBytes(32).toString("base64url"),
        NEXT_TELEMETRY_DISABLED: "1",
        ...contractEnv,
      },
    },
    // the auth suite (e2e/auth*.spec.ts): a real OIDC IdP and a second server that requires sign-in
    oidcWebServer,
    authWebServer,
  ],
});
