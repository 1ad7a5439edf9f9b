// The same project packed by every kit version (demo/kit-versions, scripts/demo-data/kit-version-kits.ts), as a
// person sees it: files where `kit unpack` puts them, kit v0.2 fields, the ModelPack model card, what kit would
// reject, and the diffs between them.
import { expect, test } from "@playwright/test";

const SHOTS = "e2e-results";
const REPO = "local/demo/kit-versions";
const kitUrl = (tag: string, extra = "") => `/kit?ref=${encodeURIComponent(`${REPO}:${tag}`)}${extra}`;
const diffUrl = (base: string, head: string) => `/diff?base=${encodeURIComponent(`${REPO}:${base}`)}&head=${encodeURIComponent(`${REPO}:${head}`)}`;

test("a kit v0.2.5 ModelKit lists its files where kit unpack writes them and shows its v0.2 Kitfile fields", async ({ page }) => {
  await page.goto(kitUrl("v0.2.5"));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("legacy");
  await expect(page.getByTestId("legacy-model-fields")).toContainText("training");
  await expect(page.getByTestId("legacy-model-fields")).toContainText("accuracy");
  await expect(page.getByTestId("legacy-preprocessing")).toContainText("lower-cased, HTML stripped");
  await expect(page.getByTestId("kit-rejections")).toHaveCount(0);

  await page.getByRole("link", { name: "Files", exact: true }).click();
  await page.getByRole("navigation", { name: "Layers" }).getByRole("link").filter({ hasText: /^dataset\b/ }).first().click();
  const files = page.getByRole("list", { name: "Files in layer" });
  await expect(files).toContainText("part-0.csv");
  // entries were stored as `train/part-0.csv`; the path is the Kitfile's, not doubled (`data/train/train/…`)
  await expect(files.getByRole("link").filter({ hasText: "part-0.csv" }).first()).toHaveAttribute("href", /path=data%2Ftrain%2Fpart-0\.csv/);
  await expect(page.locator("body")).not.toContainText("data/train/train");
  await page.screenshot({ path: `${SHOTS}/kit-v0.2.5-files.png`, fullPage: true });
});

test("a ModelPack shows its model card; a config that breaks model-spec's schema says so and shows no bogus date", async ({ page }) => {
  await page.goto(kitUrl("modelpack"));
  const card = page.getByTestId("model-card");
  await expect(card).toContainText("Review Lab");
  await expect(card).toContainText("logistic-regression");
  await expect(card).toContainText("0.1m");
  await expect(card.getByRole("link", { name: "https://example.com/sentiment", exact: true })).toHaveAttribute("rel", /noopener/);
  await expect(card).not.toContainText("violation");
  await page.screenshot({ path: `${SHOTS}/model-card.png`, fullPage: true });

  await page.goto(kitUrl("modelpack-invalid-config"));
  const bad = page.getByTestId("model-card");
  await expect(bad.getByRole("note", { name: "Schema violations" })).toContainText("/descriptor/createdAt must be an RFC 3339 date-time");
  await expect(bad).toContainText("not an RFC 3339 date");
  await expect(bad.locator("time")).toHaveCount(0);
});

test("a version kit would reject is marked on its page and in the list", async ({ page }) => {
  await page.goto(kitUrl("rejected"));
  const rejections = page.getByTestId("kit-rejections");
  await expect(rejections).toContainText("Kit would reject this: 2 problems");
  await expect(rejections.locator('[data-rule="duplicate-path"]')).toContainText("use the same path notebooks");
  await expect(rejections.locator('[data-rule="part-type-pattern"]')).toContainText("has invalid type");

  await page.goto(`/repositories/${REPO}`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Open version rejected", exact: true }) });
  await expect(row).toContainText("kit would reject this (2)");
  const mpRow = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Open version modelpack", exact: true }) });
  await expect(mpRow.getByTestId("version-card")).toContainText("Review Lab");
  await expect(mpRow.getByTestId("version-card")).toContainText("CC-BY-4.0, MIT");
  await page.screenshot({ path: `${SHOTS}/kit-versions-list.png`, fullPage: true });
});

test("diffs across kit versions: model card changes, kit's verdict, pack-time noise", async ({ page }) => {
  await page.goto(diffUrl("modelpack", "modelpack-nokitfile"));
  const cardChanges = page.getByRole("table", { name: "Model card changes" });
  await expect(cardChanges.locator('tr[data-card-path="config.paramSize"] .diff-before')).toHaveText("0.1m");
  await expect(cardChanges.locator('tr[data-card-path="config.paramSize"] .diff-after')).toHaveText("0.2m");
  await expect(cardChanges.locator('tr[data-card-path="descriptor.createdAt"]')).toContainText("noise");
  await page.screenshot({ path: `${SHOTS}/diff-model-card.png`, fullPage: true });

  await page.goto(diffUrl("current", "rejected"));
  await expect(page.getByTestId("diff-verdict")).toContainText("2 problems kit would reject");
  await expect(page.getByTestId("kit-rejections-diff")).toContainText("Kit would reject the head (new in the head): 2 problems");

  await page.goto(diffUrl("v1.7", "current"));
  await expect(page.getByText("kit CLI version and pack time only")).toBeVisible();
});
