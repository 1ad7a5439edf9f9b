import { expect, test } from "@playwright/test";

const SHOTS = "e2e-results";
const kitUrl = (version: string, tab?: string) =>
  `/kit?ref=${encodeURIComponent(`local/demo/fraud-detection:${version}`)}${tab ? `&tab=${tab}` : ""}`;

test("fraud-detection 1.1.0: a verified passing scan (per-scanner card) and a verified SBOM", async ({ page }) => {
  await page.goto(kitUrl("1.1.0"));
  await page.getByRole("link", { name: "Attestations", exact: true }).click();
  const scan = page.getByRole("article", { name: "Attestation https://kitops.org/attestation/scan/v1" });
  await expect(scan).toBeVisible();
  await expect(scan).toHaveAttribute("data-status", "verified");
  await expect(scan).toContainText("key ci-scanner");
  await expect(scan).toContainText("scan passed");
  await expect(scan.getByRole("region", { name: "Scanner modelscan" })).toContainText("0.8.1");
  await expect(scan.getByRole("table", { name: "Metrics of modelscan" })).toContainText("unsafe_operators");

  const sbom = page.getByRole("article", { name: "Attestation https://spdx.dev/Document" });
  await expect(sbom).toHaveAttribute("data-status", "verified");
  await sbom.getByText("Details").click();
  await expect(sbom).toContainText("BSD-3-Clause × 4");
  await page.screenshot({ path: `${SHOTS}/attestations-pass.png`, fullPage: true });
});

test("fraud-detection 1.0.0: the failing scan shows its error findings and failed metric", async ({ page }) => {
  await page.goto(kitUrl("1.0.0", "attestations"));
  const scan = page.getByRole("article", { name: "Attestation https://kitops.org/attestation/scan/v1" });
  await expect(scan).toHaveAttribute("data-status", "verified");
  await expect(scan).toContainText("scan failed");
  await expect(scan).toContainText("MS-PICKLE-EXEC");
  await expect(scan.getByRole("table", { name: "Metrics of modelscan" })).toContainText("fail");
  await expect(page.getByText("scan failed").first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/attestations-fail.png`, fullPage: true });
});

test("a version without attestations says it is unsigned, and the API agrees with the page", async ({ page, request }) => {
  await page.goto(kitUrl("1.1.0", "attestations"));
  await expect(page.getByRole("article")).not.toHaveCount(0);
  const res = await request.get(`/api/v1/attestations?ref=${encodeURIComponent("local/demo/fraud-detection:1.0.0")}`);
  expect(res.ok()).toBe(true);
  const list = (await res.json()) as { status: string; predicateType: string | null; summary: { passed: boolean } | null }[];
  expect(list.some((a) => a.status === "verified" && a.predicateType === "https://kitops.org/attestation/scan/v1" && a.summary?.passed === false)).toBe(true);

  await page.goto(`/kit?ref=${encodeURIComponent("local/demo/churn-model:1.0.0")}&tab=attestations`);
  await expect(page.getByText(/unsigned/)).toBeVisible();
});
