import { cpSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { AUTH_BASE_URL, OIDC_ISSUER } from "./support/auth-server";

// The approval journey with real OIDC sign-in: the data scientist requests promotion, the manager approves in the
// browser, the matrix shows the promoted digest, and a self-approval is refused with its reason.
test.use({ baseURL: AUTH_BASE_URL });

const REGISTRY_DIR = path.resolve("data/e2e-approvals-registry");
const KIT = "approvals/demo/fraud-detection";

test.beforeAll(() => {
  // a private copy of one demo repository: promotions write tags, and the shared demo registry must stay as it is
  rmSync(REGISTRY_DIR, { recursive: true, force: true });
  mkdirSync(path.join(REGISTRY_DIR, "demo"), { recursive: true });
  cpSync(path.resolve("data/registry/demo/fraud-detection"), path.join(REGISTRY_DIR, "demo/fraud-detection"), { recursive: true });
});

async function signedIn(browser: Browser, login: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: AUTH_BASE_URL })).newPage();
  await page.route(/fonts\.(googleapis|gstatic)\.com/, (r) => r.abort());
  await page.goto("/signin");
  await page.getByRole("button", { name: "Sign in with Test IdP" }).click();
  await page.waitForURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();
  await page.waitForURL(`${AUTH_BASE_URL}/`);
  return page;
}

async function requestPromotion(page: Page, tag: string, environment: string, comment: string): Promise<void> {
  await page.goto(`/kit?ref=${KIT}:${tag}`);
  const form = page.getByRole("form", { name: "Request promotion" });
  await form.getByRole("combobox").selectOption(environment);
  await form.getByPlaceholder("Why (shown to approvers)").fill(comment);
  await form.getByRole("button", { name: "Request promotion" }).click();
  await expect(form.getByRole("status")).toContainText(`${environment} — awaiting-approval`);
}

test("data scientist requests, manager approves in the browser, the matrix shows it; self-approval is refused", async ({ browser }) => {
  const dana = await signedIn(browser, "dana");
  // 1.1.0 carries the signed scans the demo production gate asks for
  await requestPromotion(dana, "1.1.0", "production", "ready for production");

  const max = await signedIn(browser, "max");
  await max.goto("/approvals");
  const row = max.getByRole("row", { name: /demo\/fraud-detection/ });
  await expect(row).toContainText("Dana Scientist");
  await expect(row).toContainText("ready for production");
  await row.getByRole("link").first().click();
  await expect(max.getByRole("heading", { name: `Promote to production: ${KIT}` })).toBeVisible();
  await max.getByLabel("Comment").fill("checked the eval report");
  await max.getByRole("button", { name: "Approve" }).click();
  await expect(max.getByText("promoted", { exact: true })).toBeVisible();
  await expect(max.getByRole("table", { name: "Decisions" })).toContainText("Max Manager");

  await max.goto(`/environments?repository=${encodeURIComponent(KIT)}`);
  const production = max.locator('tr[data-environment="production"]');
  await expect(production).toContainText("demo/fraud-detection:production");
  await expect(production.getByText("none")).toHaveCount(0);
  await expect(production.getByRole("alert")).toHaveCount(0);

  // the manager requests the next version himself and may not approve it
  await requestPromotion(max, "1.1.0", "staging", "my own change");
  await max.goto("/approvals?view=all&state=awaiting-approval");
  await max.getByRole("row", { name: /my own change/ }).getByRole("link").first().click();
  await max.getByRole("button", { name: "Approve" }).click();
  await expect(max.getByRole("form", { name: "Decision" }).getByRole("alert")).toContainText("no self-approval");
});
