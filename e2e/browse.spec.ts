import { expect, test, type Page } from "@playwright/test";
import { BASE_URL } from "../playwright.config";

const SHOTS = "e2e-results";

/** Every URL the page asks for; the app must never reach past 127.0.0.1 (no CDN, no fonts, no telemetry). */
function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  return urls;
}
const nonLocal = (urls: string[]) => urls.filter((u) => !u.startsWith(`${BASE_URL}/`) && !u.startsWith("data:") && !u.startsWith("blob:"));

/** The registry list is for signed-in users; the e2e config has one local account with read access. */
async function signIn(page: Page) {
  await page.goto("/signin");
  await page.getByLabel("Username").fill("ada");
  await page.getByLabel("Password").fill("ada-e2e-password");
  await page.getByRole("button", { name: "Sign in with local account" }).click();
  await expect(page).not.toHaveURL(/\/signin/);
}

async function openFraudDetectionByClicking(page: Page) {
  await signIn(page);
  await page.goto("/");
  await page.getByRole("link", { name: "Registry local" }).click();
  await expect(page.getByRole("heading", { name: "Repositories in local" })).toBeVisible();
  await page.getByRole("link", { name: "demo/fraud-detection", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "demo/fraud-detection" })).toBeVisible();
  await page.getByRole("link", { name: "Open version 1.0.0", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Breadcrumb" })).toContainText("1.0.0");
}

async function openLayerOfKind(page: Page, kind: string) {
  await page.getByRole("link", { name: "Files", exact: true }).click();
  await page.getByRole("navigation", { name: "Layers" }).getByRole("link").filter({ hasText: new RegExp(`^${kind}\\b`) }).first().click();
  await expect(page.getByRole("list", { name: "Files in layer" })).toBeVisible();
}

test("registry → repository → version by clicking; a code file opens in Monaco with no non-local request", async ({ page }) => {
  const urls = recordRequests(page);
  await openFraudDetectionByClicking(page);
  await expect(page.getByRole("heading", { name: "Model", exact: true })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/kit-overview.png`, fullPage: true });

  await openLayerOfKind(page, "code");
  const codeFile = page.getByRole("list", { name: "Files in layer" }).getByRole("link").filter({ hasText: /\.py$/ }).first();
  const fileName = (await codeFile.textContent())!.trim();
  await codeFile.click();

  await expect(page.getByRole("region", { name: new RegExp(`File .*${fileName.replace(".", "\\.")}$`) })).toBeVisible();
  const editor = page.locator(".monaco-editor").first();
  await expect(editor).toBeVisible();
  // Monaco renders lines as text in .view-lines; a Python file has an import or a def
  await expect(editor.locator(".view-lines")).toContainText(/import|def /);
  await page.screenshot({ path: `${SHOTS}/files-monaco.png`, fullPage: true });

  expect(nonLocal(urls)).toEqual([]);
});

test("the README of a version renders as Markdown (heading and table), not as source", async ({ page }) => {
  await openFraudDetectionByClicking(page);
  await openLayerOfKind(page, "docs");
  await page.getByRole("list", { name: "Files in layer" }).getByRole("link", { name: "README.md" }).click();
  const md = page.locator(".markdown");
  await expect(md.locator("h1, h2").first()).toBeVisible();
  await expect(md.locator("table").first()).toBeVisible();
  await expect(md.locator("script, iframe")).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/files-readme.png`, fullPage: true });
});

test("a deploy snippet copies a digest-pinned reference to the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: BASE_URL });
  await page.goto(`/kit?ref=${encodeURIComponent("local/demo/fraud-detection:1.0.0")}&tab=deploy`);
  const first = page.locator("[data-snippet]").first();
  await expect(first).toBeVisible();
  const button = first.getByRole("button", { name: /^Copy snippet/ });
  await button.click();
  await expect(button).toContainText("Copied");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain("@sha256:");
  expect(copied).toBe((await first.locator("pre").textContent())!);
  await page.screenshot({ path: `${SHOTS}/deploy.png`, fullPage: true });
});

test("legacy and ModelPack versions carry their format badges", async ({ page }) => {
  await page.goto("/repositories/local/demo/legacy-sentiment");
  await expect(page.locator('[data-format="kit-legacy"]').first()).toBeVisible();
  await expect(page.getByRole("table")).toContainText("ModelKit (legacy)");

  await page.goto("/repositories/local/demo/modelpack-vision");
  await expect(page.getByRole("table")).toContainText("ModelPack");
  await page.getByRole("link", { name: "Open version 1.0.0", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("ModelPack");
  await page.screenshot({ path: `${SHOTS}/modelpack.png`, fullPage: true });
});

test("a repository holding a container image says it is not a ModelKit", async ({ page }) => {
  await page.goto("/repositories/local/demo/not-a-modelkit");
  await expect(page.getByRole("table")).toContainText("Not a ModelKit");
  await page.getByRole("link", { name: "Open version latest", exact: true }).click();
  await expect(page.getByRole("heading", { name: "This is not a ModelKit" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/not-a-modelkit.png`, fullPage: true });
});

test("version lists hide sha256-… referrer tags and say how many", async ({ page }) => {
  await page.goto("/repositories/local/demo/fraud-detection");
  const table = page.getByRole("table");
  await expect(table).toBeVisible();
  await expect(table.locator(".chip").filter({ hasText: /^sha256-/ })).toHaveCount(0);
  await expect(page.getByTestId("hidden-tags")).toContainText(/\d+ signature\/referrer tags? hidden/);
  await page.screenshot({ path: `${SHOTS}/versions.png`, fullPage: true });
});

test("the API answers JSON errors with the error shape and 422 for bad parameters", async ({ request }) => {
  const bad = await request.get("/api/v1/modelkit/files?ref=local/demo/fraud-detection:1.0.0&layer=nope");
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.code).toBe("UNPROCESSABLE");
  const missing = await request.get("/api/v1/modelkit?ref=local/demo/does-not-exist:1.0.0");
  expect(missing.status()).toBe(404);
  expect((await missing.json()).error).toMatchObject({ code: "NOT_FOUND" });
  const doc = await request.get("/api/v1/openapi.json");
  expect(Object.keys((await doc.json()).paths)).toEqual(
    expect.arrayContaining(["/registries", "/repositories", "/versions", "/modelkit", "/modelkit/files", "/modelkit/file"]),
  );
});

test("the repository filter is a plain GET form and says when nothing matches", async ({ page }) => {
  await page.goto("/registries/local");
  await page.getByRole("searchbox", { name: "Filter repositories" }).fill("fraud");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/\?q=fraud$/);
  await expect(page.getByRole("link", { name: "demo/fraud-detection", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "demo/churn-model" })).toHaveCount(0);

  await page.goto("/registries/local?q=no-such-repository-anywhere");
  await expect(page.getByText("No repositories match")).toBeVisible();
});
