import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { AUTH_BASE_URL, OIDC_ISSUER } from "./support/auth-server";

const SHOTS = "e2e-results";

async function signIn(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Username").fill("ada");
  await page.getByLabel("Password").fill("ada-e2e-password");
  await page.getByRole("button", { name: "Sign in with local account" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

test("evidence PDF downloads from the version page, names the digest, and the export shows in the audit log", async ({ page }) => {
  mkdirSync(SHOTS, { recursive: true });
  await signIn(page);
  await page.goto("/kit?ref=local/demo/fraud-detection:1.0.0");
  const digest = await page.locator(".kit-meta code[title^='sha256:']").getAttribute("title");
  expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("evidence-pdf").click()]);
  const file = `${SHOTS}/evidence.pdf`;
  await download.saveAs(file);
  const text = execFileSync("pdftotext", ["-layout", file, "-"]).toString();
  expect(text).toContain("Kitgate evidence pack");
  expect(text).toContain(digest!);
  expect(text).toContain("Ada Viewer");
  execFileSync("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, `${SHOTS}/evidence-page`]);

  // a viewer sees their own export and sign-in, not the chain check (admins only)
  await page.goto("/audit?who=ada");
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await expect(page.getByText("Chain verification is shown to admins")).toBeVisible();
  const rows = page.getByRole("table", { name: "Audit rows, newest first" }).locator("tbody tr");
  await expect(rows.filter({ hasText: "report.export" }).first()).toContainText("local/demo/fraud-detection");
  await expect(rows.filter({ hasText: "auth.sign-in" }).first()).toContainText("Ada Viewer");
  await page.screenshot({ path: `${SHOTS}/audit-page.png`, fullPage: true });

  // the repository filter offers the decisions report; the CSV downloads with its header
  await page.goto("/audit?repository=local/demo/fraud-detection");
  const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "CSV" }).click()]);
  const csvPath = `${SHOTS}/decisions.csv`;
  await csv.saveAs(csvPath);
  expect(execFileSync("head", ["-1", csvPath]).toString()).toContain("at,repository,digest,environment,decision,approverId");
});

test.describe("with the real OIDC IdP", () => {
  test.use({ baseURL: AUTH_BASE_URL });

  async function signInWithIdp(page: Page, login: string) {
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

  test("the admin sees the verified chain and everyone's rows; a viewer does not see the admin's rows", async ({ browser }) => {
    const alice = await browser.newPage({ baseURL: AUTH_BASE_URL });
    await signInWithIdp(alice, "alice");
    const root = await browser.newPage({ baseURL: AUTH_BASE_URL });
    await signInWithIdp(root, "root");

    await root.goto("/audit?action=auth.sign-in");
    await expect(root.getByTestId("chain-status")).toContainText(/Audit chain intact: .*head #\d+ [0-9a-f]{64}/);
    const rows = root.getByRole("table", { name: "Audit rows, newest first" }).locator("tbody tr");
    await expect(rows.filter({ hasText: "Alice Fraud" }).first()).toBeVisible();
    await expect(rows.filter({ hasText: "Root Admin" }).first()).toBeVisible();
    await root.screenshot({ path: `${SHOTS}/audit-admin.png`, fullPage: true });

    await alice.goto("/audit?action=auth.sign-in");
    await expect(alice.getByText("Chain verification is shown to admins")).toBeVisible();
    const aliceRows = alice.getByRole("table", { name: "Audit rows, newest first" }).locator("tbody tr");
    await expect(aliceRows.filter({ hasText: "Alice Fraud" }).first()).toBeVisible();
    await expect(aliceRows.filter({ hasText: "Root Admin" })).toHaveCount(0);
    expect((await alice.request.get("/api/v1/audit/verify")).status()).toBe(403);
  });
});
