import { expect, test } from "@playwright/test";

const SHOTS = "e2e-results";
const checks = (ref: string, env?: string) => `/kit?ref=${encodeURIComponent(ref)}&tab=checks${env ? `&env=${env}` : ""}`;

test("fraud-detection 1.0.0: blocked from production by staging's gate; the failing finding links to its attestation", async ({ page }) => {
  await page.goto(`/kit?ref=${encodeURIComponent("local/demo/fraud-detection:1.0.0")}`);
  await page.getByRole("link", { name: "Deploy checks", exact: true }).click();

  // opens on the last environment: the question people come with
  await expect(page.getByRole("heading", { name: "Why can't this deploy to production?" })).toBeVisible();
  const prodRules = page.getByRole("list", { name: "Rules for production" });
  await expect(prodRules.getByRole("listitem", { name: "Failed: Passed the staging gate first" })).toContainText("staging gate fails");
  await expect(page.getByLabel("Scanning tier")).toContainText("Essential");
  await page.screenshot({ path: `${SHOTS}/policy-production-blocked.png`, fullPage: true });

  await page.getByRole("navigation", { name: "Environments" }).getByRole("link", { name: "staging" }).click();
  const rules = page.getByRole("list", { name: "Rules for staging" });
  const severity = rules.getByRole("listitem", { name: "Failed: No finding worse than concern" });
  await expect(severity).toContainText("error MS-PICKLE-EXEC (modelscan)");
  await expect(rules.getByRole("listitem", { name: "Failed: Every reported metric passes" })).toContainText("unsafe_operators");
  await expect(rules.getByRole("listitem", { name: "Passed: Passed the dev gate first" })).toBeVisible();
  const link = severity.getByRole("link", { name: /^attestation / }).first();
  await expect(link).toHaveAttribute("href", /tab=attestations#att-/);

  await page.getByRole("navigation", { name: "Environments" }).getByRole("link", { name: "dev" }).click();
  await expect(page.getByRole("heading", { name: "May deploy to dev" })).toBeVisible();
});

test("fraud-detection 1.1.0 passes every gate; support-llm is an LLM that needs the Comprehensive tier", async ({ page }) => {
  await page.goto(checks("local/demo/fraud-detection:1.1.0", "production"));
  await expect(page.getByRole("heading", { name: "May deploy to production" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Rules for production" }).getByRole("listitem", { name: /^Failed:/ })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/policy-production-passes.png`, fullPage: true });

  await page.goto(checks("local/demo/support-llm:1.1.0", "staging"));
  await expect(page.getByLabel("Scanning tier")).toContainText("Comprehensive");
  await expect(page.getByLabel("Scanning tier")).toContainText("all LLMs");
  await expect(page.getByRole("list", { name: "Rules for staging" }).getByRole("listitem", { name: /^Failed: Comprehensive tier/ }).first()).toContainText("Missing:");
});

test("GET /api/v1/policy/evaluate gives CI the same verdict, and 404 for an unknown environment", async ({ request }) => {
  const ok = await request.get(`/api/v1/policy/evaluate?ref=${encodeURIComponent("local/demo/fraud-detection:1.1.0")}&environment=production`);
  expect(ok.status()).toBe(200);
  const body = await ok.json();
  expect(body).toMatchObject({ environment: "production", passed: true, tier: { name: "Essential" }, environments: ["dev", "staging", "production"] });
  expect(body.policyDigest).toMatch(/^sha256:[0-9a-f]{64}$/);

  const blocked = await (await request.get(`/api/v1/policy/evaluate?ref=${encodeURIComponent("local/demo/fraud-detection:1.0.0")}&environment=production`)).json();
  expect(blocked.passed).toBe(false);
  expect(blocked.rules.find((r: { id: string }) => r.id === "order:staging").passed).toBe(false);

  const unknown = await request.get(`/api/v1/policy/evaluate?ref=${encodeURIComponent("local/demo/fraud-detection:1.1.0")}&environment=qa`);
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe("NOT_FOUND");
});
