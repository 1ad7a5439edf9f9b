import { expect, test, type Page } from "@playwright/test";

const SHOTS = "e2e-results";
const REPO = "local/demo/fraud-detection";

/** Opens an entry's file tree and one of its files; returns the file's diff container. */
async function openFile(page: Page, entry: string, file: string) {
  const entryButton = page.getByRole("button", { name: entry, exact: true });
  if ((await entryButton.getAttribute("aria-expanded")) !== "true") await entryButton.click();
  const fileButton = page.getByRole("button", { name: file, exact: true });
  await fileButton.click();
  await expect(fileButton).toHaveAttribute("aria-expanded", "true");
  return page.locator(`li[data-path="${file}"] .file-diff`);
}

test("Compare with… from a version page opens a shareable summary-first diff, down to lines, rows and tensors", async ({ page }) => {
  await page.goto(`/kit?ref=${encodeURIComponent(`${REPO}:1.0.0`)}`);
  await page.getByText("Compare with…").click();
  const picker = page.getByLabel("Another version of demo/fraud-detection");
  await expect(picker).toBeEnabled();
  await picker.selectOption(`${REPO}:1.1.0`);
  await page.getByRole("button", { name: "Compare", exact: true }).click();
  await page.waitForURL(/\/diff\?/);
  const url = new URL(page.url());
  expect(url.searchParams.get("base")).toBe(`${REPO}:1.0.0`);
  expect(url.searchParams.get("head")).toBe(`${REPO}:1.1.0`);

  // summary first: verdict, sections, layers, kit CLI version noise, Kitfile fields
  await expect(page.getByTestId("diff-verdict")).toContainText("Different");
  const sections = page.getByRole("table", { name: "Entries per section" });
  await expect(sections.locator('tr[data-section="code"]')).toContainText("1");
  await expect(sections.locator('tr[data-section="prompts"]')).toBeVisible();
  await expect(page.getByText(/kit CLI version (and pack time )?only/)).toBeVisible();
  const threshold = page.locator('tr[data-kitfile-path="model.parameters.threshold"]');
  await expect(threshold.locator(".diff-before")).toHaveText("0.5");
  await expect(threshold.locator(".diff-after")).toHaveText("0.45");
  await page.screenshot({ path: `${SHOTS}/diff-summary.png`, fullPage: true });

  // code: file tree of `src`, then the line diff of serve.py, unified then side by side
  const serve = await openFile(page, "src", "src/serve.py");
  await expect(page.getByTestId("file-counts").first()).toContainText("4 modified");
  const unified = serve.getByRole("button", { name: "Unified" });
  await expect(unified).toHaveAttribute("aria-pressed", "true");
  await expect(serve.locator(".d2h-host td.d2h-del:not(.d2h-code-linenumber):not(.d2h-code-side-linenumber)")).toContainText("THRESHOLD = 0.5");
  await expect(serve.locator(".d2h-host td.d2h-ins:not(.d2h-code-linenumber):not(.d2h-code-side-linenumber)")).toContainText("THRESHOLD = 0.45");
  await page.screenshot({ path: `${SHOTS}/diff-text-unified.png`, fullPage: true });
  await serve.getByRole("button", { name: "Side by side" }).click();
  await expect(serve.getByRole("button", { name: "Side by side" })).toHaveAttribute("aria-pressed", "true");
  await expect(serve.locator(".d2h-files-diff .d2h-file-side-diff")).toHaveCount(2);
  await serve.screenshot({ path: `${SHOTS}/diff-text-side-by-side.png` });

  // whitespace toggle refetches and keeps the change visible
  await serve.getByRole("button", { name: "Ignore whitespace" }).click();
  await expect(serve.getByRole("button", { name: "Ignore whitespace" })).toHaveAttribute("aria-pressed", "true");
  await expect(serve.locator(".d2h-host td.d2h-ins:not(.d2h-code-linenumber):not(.d2h-code-side-linenumber)")).toContainText("THRESHOLD = 0.45");

  // a YAML config: path-level changes above the line diff
  const yaml = await openFile(page, "src", "src/config.yaml");
  await expect(yaml.getByRole("table", { name: "Semantic changes by JSON path" })).toContainText("isotonic");

  // dataset: the CSV table diff keyed by transaction_id
  const csv = await openFile(page, "transactions (data/transactions.csv)", "data/transactions.csv");
  await expect(csv.getByTestId("csv-counts")).toContainText("120 rows added");
  await expect(csv.getByTestId("csv-counts")).toContainText("15 removed");
  await expect(csv.getByTestId("csv-counts")).toContainText("11 changed");
  await expect(csv.getByRole("combobox")).toHaveValue("transaction_id");
  await expect(csv.locator('td[data-changed-cell="is_fraud"]').first()).toContainText("0 → 1");
  await csv.screenshot({ path: `${SHOTS}/diff-csv.png` });
  await csv.getByRole("button", { name: "Next rows" }).click();
  await expect(csv.getByRole("table", { name: /Changed rows 51–100 of 146/ })).toBeVisible();

  // weights: safetensors header diff, weights never downloaded
  const tensors = await openFile(page, "fraud-classifier (model)", "model/model.safetensors");
  const added = tensors.locator('tr[data-tensor="bn.running_mean"]');
  await expect(added).toContainText("added");
  await expect(added).toContainText("[8]");
  await expect(tensors.locator('tr[data-tensor="fc1.weight"]')).toContainText("[16, 8] → [32, 8]");
  await expect(tensors.getByTestId("parameter-count")).toContainText("161");
  await expect(tensors).toContainText("weights were not downloaded");
  await tensors.screenshot({ path: `${SHOTS}/diff-safetensors.png` });
});

test("the diff API answers summary, entry files and file diffs, and names a bad parameter", async ({ request }) => {
  const base = `${REPO}:1.0.0`;
  const head = `${REPO}:1.1.0`;
  const summary = await request.get(`/api/v1/diff?base=${encodeURIComponent(base)}&head=${encodeURIComponent(head)}`);
  expect(summary.status()).toBe(200);
  const body = await summary.json();
  expect(body.diff.summary.identical).toBe(false);
  expect(body.diff.kitfile).toContainEqual({ path: "model.parameters.threshold", kind: "changed", before: 0.5, after: 0.45 });

  const files = await request.get(`/api/v1/diff/files?base=${encodeURIComponent(base)}&head=${encodeURIComponent(head)}&section=code&key=src`);
  expect(files.status()).toBe(200);
  expect((await files.json()).tree.changes.map((c: { path: string }) => c.path)).toContain("src/serve.py");

  const file = await request.get(`/api/v1/diff/file?base=${encodeURIComponent(base)}&head=${encodeURIComponent(head)}&path=src/serve.py`);
  expect(file.status()).toBe(200);
  const f = await file.json();
  expect(f.kind).toBe("text");
  expect(f.text.patch).toContain("+THRESHOLD = 0.45");

  const bad = await request.get(`/api/v1/diff/file?base=${encodeURIComponent(base)}&path=x&offset=-1`);
  expect(bad.status()).toBe(422);
  const err = await bad.json();
  expect(err.error.code).toBe("UNPROCESSABLE");
  expect(err.error.issues.map((i: { path: string }) => i.path).sort()).toEqual(["head", "offset"]);

  const same = await request.get(`/api/v1/diff?base=${encodeURIComponent(base)}&head=${encodeURIComponent(base)}`);
  expect((await same.json()).diff.summary.identical).toBe(true);
});
