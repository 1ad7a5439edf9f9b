import { execFileSync } from "node:child_process";
import { expect, test } from "@playwright/test";
import { ESCAPE_REPO, HOSTILE_FILE, PAYLOADS, QUOTED_FILE } from "./diff-escape.payloads";

const SHOTS = "e2e-results";

// The e2e server reads `data/registry` (e2e/kitgate.e2e.yaml) on every request, so a repository written now is
// visible to it. The writer runs in a child process: the layout source is server-only.
test.beforeAll(() => {
  execFileSync("node_modules/.bin/tsx", ["--conditions=react-server", "e2e/diff-escape.fixture.ts", "data/registry"], { stdio: "pipe" });
});

test("hostile Kitfile fields, file names and contents are shown as text and never executed", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", async (d) => {
    dialogs.push(d.message());
    await d.dismiss();
  });
  const base = `local/${ESCAPE_REPO}:1`;
  const head = `local/${ESCAPE_REPO}:2`;
  await page.goto(`/diff?base=${encodeURIComponent(base)}&head=${encodeURIComponent(head)}`);
  const diff = page.locator(".diff-page");

  // Kitfile fields
  await expect(page.locator('tr[data-kitfile-path="package.description"] .diff-after')).toHaveText(`${PAYLOADS.script} ${PAYLOADS.img}`);
  await expect(page.locator('tr[data-kitfile-path="model.parameters.note"] .diff-after')).toHaveText(PAYLOADS.script);

  // file names in the tree, and their line diffs (diff2html)
  await page.getByRole("button", { name: "src", exact: true }).click();
  for (const name of [HOSTILE_FILE, QUOTED_FILE]) {
    const button = page.getByRole("button", { name, exact: true });
    await expect(button).toBeVisible();
    await button.click();
  }
  const hostile = page.locator("li.file-change").filter({ has: page.getByRole("button", { name: HOSTILE_FILE, exact: true }) }).locator(".d2h-host");
  await expect(hostile.locator("td.d2h-ins:not(.d2h-code-linenumber):not(.d2h-code-side-linenumber)").first()).toContainText(PAYLOADS.script);
  await expect(hostile).toContainText(PAYLOADS.attr);
  const quoted = page.locator("li.file-change").filter({ has: page.getByRole("button", { name: QUOTED_FILE, exact: true }) }).locator(".d2h-host");
  await expect(quoted).toContainText(`<a href="javascript:alert(1)">x</a>`);

  // semantic JSON changes (keys and values) and CSV cells
  await page.getByRole("button", { name: "m (model)", exact: true }).click();
  await page.getByRole("button", { name: "model/config.json", exact: true }).click();
  const json = page.getByRole("table", { name: "Semantic changes by JSON path" });
  await expect(json).toContainText(PAYLOADS.img);
  await expect(json).toContainText(PAYLOADS.script);
  await page.getByRole("button", { name: "rows (data/rows.csv)", exact: true }).click();
  await page.getByRole("button", { name: "data/rows.csv", exact: true }).click();
  await expect(page.locator('td[data-changed-cell="html"]')).toContainText(PAYLOADS.script);

  await page.getByRole("region", { name: "Kitfile changes" }).screenshot({ path: `${SHOTS}/diff-escaping-kitfile.png` });
  await page.locator("section").filter({ has: page.getByRole("heading", { name: "Changed entries" }) }).screenshot({ path: `${SHOTS}/diff-escaping-entries.png` });
  await expect(diff.locator("script, img, iframe, object, embed, a[href^='javascript']")).toHaveCount(0);
  await expect(diff.locator("[onerror], [onmouseover], [onload], [onclick]")).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
