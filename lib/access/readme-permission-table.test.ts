import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { renderPermissionTable } from "./render-permission-table";

it("README's permission table is generated from the enforced table (run `npm run docs:permissions`)", () => {
  const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
  const m = /<!-- permissions:start[^>]*-->\n([\s\S]*?)\n<!-- permissions:end -->/.exec(readme);
  expect(m, "README.md lacks the permissions:start/end markers").not.toBeNull();
  expect(m![1]).toBe(renderPermissionTable());
});
