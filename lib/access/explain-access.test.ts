import { expect, it } from "vitest";
import { explainAccess } from "./explain-access";

it("explains which grants apply to a repository and what they allow", () => {
  const e = explainAccess(
    [
      { role: "contributor", scope: "acme/fraud-*", via: "group fraud-team" },
      { role: "approver", scope: "local/*", via: "group managers" },
    ],
    { registry: "acme", repository: "fraud-detection" },
  );
  expect(e.role).toBe("contributor");
  expect(e.applying.map((g) => g.via)).toEqual(["group fraud-team"]);
  const allowed = e.permissions.filter((p) => p.allowed).map((p) => p.permission);
  expect(allowed).toContain("promotion.request");
  expect(allowed).not.toContain("approval.decide");
  expect(allowed).not.toContain("admin.access");
});
