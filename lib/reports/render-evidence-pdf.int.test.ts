// Renders the evidence pack and reads it back the way a person would: poppler's pdftoppm (page 1 as PNG) and
// pdftotext (the words on the pages).
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { buildEvidencePack } from "./build-evidence-pack";
import { evidenceFixture, FIXTURE_DIGEST } from "./evidence-fixture";
import { renderEvidencePdf } from "./render-evidence-pdf";

const run = promisify(execFile);
const dir = mkdtempSync(path.join(tmpdir(), "kitgate-pdf-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("renderEvidencePdf", () => {
  it("produces a PDF whose first page renders and whose text names the digest and the approver", async () => {
    const pdf = await renderEvidencePdf(buildEvidencePack(evidenceFixture()));
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    const file = path.join(dir, "evidence.pdf");
    writeFileSync(file, pdf);

    await run("pdftoppm", ["-png", "-r", "60", "-f", "1", "-l", "1", file, path.join(dir, "page")]);
    const png = readFileSync(path.join(dir, "page-1.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(statSync(path.join(dir, "page-1.png")).size).toBeGreaterThan(1000);

    const { stdout: page1 } = await run("pdftotext", ["-f", "1", "-l", "1", "-layout", file, "-"]);
    expect(page1).toContain(FIXTURE_DIGEST);
    const { stdout: all } = await run("pdftotext", ["-layout", file, "-"]);
    expect(all).toContain("APPROVE by Mia Manager (mia-sub; groups managers)");
    expect(all).toContain("metrics look fine");
    expect(all).toContain("Whole audit chain verified at export: 2 rows intact, head #2");
  });

  it("prints hostile text as text (no control characters, non-Latin replaced)", async () => {
    const input = evidenceFixture();
    input.approvals![0]!.decisions[0]!.comment = "ok\u0007\u202Egnp.exe <script>alert(1)</script> 漢字";
    const file = path.join(dir, "hostile.pdf");
    writeFileSync(file, await renderEvidencePdf(buildEvidencePack(input)));
    const { stdout } = await run("pdftotext", [file, "-"]);
    expect(stdout).toContain("<script>alert(1)</script> ??");
    expect(stdout).not.toContain("\u0007");
  });
});
