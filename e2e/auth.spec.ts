import { expect, test, type Page } from "@playwright/test";
import { AUTH_BASE_URL, OIDC_ISSUER } from "./support/auth-server";

const SHOTS = "e2e-results";
test.use({ baseURL: AUTH_BASE_URL });

/** Collects CSP violations reported in the console: the strict nonce policy must not break any page. */
function cspViolations(page: Page): string[] {
  const seen: string[] = [];
  page.on("console", (m) => {
    if (/Content Security Policy|Refused to (execute|load|apply|create)/i.test(m.text())) seen.push(m.text());
  });
  return seen;
}

async function signInWithIdp(page: Page, login: string) {
  // the IdP's dev interaction pages pull Google Fonts; offline that request must not hang the page
  await page.route(/fonts\.(googleapis|gstatic)\.com/, (r) => r.abort());
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${AUTH_BASE_URL}/`);
}

async function visibleRepositories(page: Page): Promise<string> {
  await page.goto("/registries/local");
  await expect(page.getByRole("heading", { name: "Repositories in local" })).toBeVisible();
  return (await page.locator("main").textContent()) ?? "";
}

test("anonymous visitors are sent to the sign-in page, and the API tells them nothing", async ({ page }) => {
  await page.goto("/registries/local");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fregistries%2Flocal/);
  await expect(page.getByRole("button", { name: "Sign in with Test IdP" })).toBeVisible();
  const res = await page.request.get("/api/v1/repositories?registry=local");
  expect(res.status()).toBe(404);
});

test("OIDC sign-in through the real IdP: groups from the id_token decide which repositories are visible", async ({ page }) => {
  const csp = cspViolations(page);
  await signInWithIdp(page, "alice");
  const session = await page.request.get("/api/auth/session").then((r) => r.json());
  expect(session.user.groups).toEqual(["fraud-team"]);
  const menu = page.getByTestId("user-menu");
  await menu.locator("summary").click();
  await expect(menu.getByTestId("user-groups")).toHaveText("fraud-team");
  await expect(menu.getByTestId("user-roles")).toHaveText("viewer on local/demo/fraud-*");
  const text = await visibleRepositories(page);
  expect(text).toContain("demo/fraud-detection");
  expect(text).not.toContain("demo/churn-model");
  expect((await page.request.get("/api/v1/versions?repository=local/demo/churn-model")).status()).toBe(404);
  await page.screenshot({ path: `${SHOTS}/auth-alice-repositories.png`, fullPage: true });
  expect(csp).toEqual([]);
});

test("groups only in userinfo (GitLab style) are picked up, and give a different view", async ({ page }) => {
  await signInWithIdp(page, "gina");
  const text = await visibleRepositories(page);
  expect(text).toContain("demo/churn-model");
  expect(text).not.toContain("demo/fraud-detection");
});

test("local account sign-in, then sign-out ends the session", async ({ page }) => {
  await page.goto("/signin");
  await page.getByLabel("Username").fill("lou");
  await page.getByLabel("Password").fill("wrong-password");
  await page.getByRole("button", { name: "Sign in with local account" }).click();
  // Next renders its own (empty) route announcer with role=alert once hydrated: pick ours by its text
  await expect(page.getByRole("alert").filter({ hasText: "Wrong username or password" })).toBeVisible();

  await page.getByLabel("Username").fill("lou");
  await page.getByLabel("Password").fill("lou-local-password");
  await page.getByRole("button", { name: "Sign in with local account" }).click();
  await page.waitForURL(`${AUTH_BASE_URL}/`);
  expect(await visibleRepositories(page)).toContain("demo/churn-model");

  const session = await page.request.get("/api/auth/session").then((r) => r.json());
  expect(session.user.id).toBe("local:lou");
  // sign out through next-auth's own endpoint (the user menu's button calls the same)
  await page.goto("/api/auth/signout");
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.goto("/registries/local");
  await expect(page).toHaveURL(/\/signin/);
  expect(await page.request.get("/api/auth/session").then((r) => r.json())).toEqual({});
});

test("the admin group sees the access page, which flags a grant naming a group nobody has", async ({ page }) => {
  await signInWithIdp(page, "root");
  await page.goto("/admin");
  await expect(page.getByRole("heading", { name: "Access", level: 1 })).toBeVisible();
  await expect(page.getByTestId("unknown-groups")).toContainText("fraud-typo-team");
  await page.goto(`/admin?kind=group&who=churn-team&target=${encodeURIComponent("local/demo/churn-model")}`);
  await expect(page.getByTestId("explanation")).toContainText("Role: contributor");
  await page.screenshot({ path: `${SHOTS}/auth-admin.png`, fullPage: true });
});

test("API tokens: created once, used as Bearer, revoked", async ({ page }) => {
  await signInWithIdp(page, "alice");
  await page.goto("/admin/tokens");
  await page.getByLabel("Name").fill("ci");
  await page.getByLabel("Scopes").fill("local/demo/fraud-*");
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!.trim();
  expect(token).toMatch(/^kg_/);

  const api = await page.context().request;
  const ok = await api.fetch(`${AUTH_BASE_URL}/api/v1/versions?repository=local/demo/fraud-detection`, { headers: { Authorization: `Bearer ${token}`, Cookie: "" } });
  expect(ok.status()).toBe(200);

  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("table", { name: "API tokens" })).toContainText("ci");
  await page.getByRole("button", { name: "Revoke" }).first().click();
  await expect(page.getByRole("table", { name: "API tokens" })).toContainText("revoked");
  const after = await api.fetch(`${AUTH_BASE_URL}/api/v1/versions?repository=local/demo/fraud-detection`, { headers: { Authorization: `Bearer ${token}`, Cookie: "" } });
  expect(after.status()).toBe(401);
});

test("the strict CSP leaves Monaco working: a code file opens with no CSP violation", async ({ page }) => {
  const csp = cspViolations(page);
  await signInWithIdp(page, "alice");
  await page.goto(`/kit?ref=${encodeURIComponent("local/demo/fraud-detection:1.0.0")}&tab=files`);
  await page.getByRole("navigation", { name: "Layers" }).getByRole("link").filter({ hasText: /^code\b/ }).first().click();
  await page.getByRole("list", { name: "Files in layer" }).getByRole("link").filter({ hasText: /\.py$/ }).first().click();
  const editor = page.locator(".monaco-editor").first();
  await expect(editor.locator(".view-lines")).toContainText(/import|def /);
  const response = await page.request.get("/registries/local");
  expect(response.headers()["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await page.screenshot({ path: `${SHOTS}/auth-monaco-csp.png`, fullPage: true });
  expect(csp).toEqual([]);
});
