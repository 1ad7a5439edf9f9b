import { expect, test } from "@playwright/test";
import { BASE_URL } from "../playwright.config";

const SHOTS = "e2e-results";

test("the API link opens a readable reference of every operation, generated from the served OpenAPI document", async ({ page, request }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    // the browser's own favicon request (the app ships none) is not the page's doing
    if (/favicon\.ico$/.test(m.location().url)) return;
    if (m.type() === "error" || /Content Security Policy|Refused to/i.test(m.text())) problems.push(`${m.text()} ${m.location().url}`);
  });
  const urls: string[] = [];
  page.on("request", (r) => urls.push(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });

  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "API" }).click();
  await expect(page).toHaveURL(`${BASE_URL}/api`);
  await expect(page.getByRole("heading", { level: 1, name: "Kitgate API" })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/api-reference-top.png` });

  // one section per operation of the document the server serves, in the same words
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as {
    paths: Record<string, Record<string, { operationId: string; summary: string }>>;
  };
  const operations = Object.entries(doc.paths).flatMap(([p, ops]) => Object.entries(ops).map(([m, op]) => ({ path: p, method: m, ...op })));
  expect(operations.length).toBeGreaterThan(20);
  const contents = page.getByRole("navigation", { name: "Operations" });
  await expect(contents.getByRole("listitem")).toHaveCount(operations.length);

  // keyboard: a contents link is reachable and follows to its operation
  const link = contents.getByRole("link", { name: "GET /diff/files" });
  await link.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#diffEntryFiles$/);
  const section = page.locator("section#diffEntryFiles");
  await expect(section.getByRole("heading", { name: "GET /api/v1/diff/files" })).toBeVisible();
  // the drift the hand-written document had: `package` is a valid section
  await expect(section.getByRole("table", { name: "Parameters of diffEntryFiles" })).toContainText('"package"');

  // schemas are linked and anchored; text markup is rendered as code, never as raw backticks or HTML
  await page.locator("section#listAttestations").getByRole("link", { name: "Attestation", exact: true }).first().click();
  await expect(page).toHaveURL(/#schema-Attestation$/);
  await expect(page.locator("section#schema-Attestation")).toContainText("predicateType");
  expect(await page.locator("main").innerText()).not.toContain("`");
  await expect(page.locator("#api-errors ~ * code", { hasText: "DIGEST_MISMATCH" }).first()).toBeVisible();

  await page.screenshot({ path: `${SHOTS}/api-reference-schema.png` });
  expect(urls.filter((u) => !u.startsWith(`${BASE_URL}/`) && !u.startsWith("data:"))).toEqual([]);
  expect(problems).toEqual([]);
});
