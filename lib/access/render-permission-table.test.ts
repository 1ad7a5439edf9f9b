import { expect, it } from "vitest";
import { PERMISSIONS } from "./permissions";
import { renderPermissionTable } from "./render-permission-table";

it("renders one row per permission with ticks from its minimum role upwards", () => {
  const lines = renderPermissionTable().split("\n");
  expect(lines).toHaveLength(2 + Object.keys(PERMISSIONS).length);
  const approve = lines.find((l) => l.startsWith("| `approval.decide`"))!;
  // viewer, contributor, reviewer empty; approver, admin ticked; tokenable
  expect(approve.split("|").slice(4, 10).map((c) => c.trim())).toEqual(["", "", "", "✓", "✓", "✓"]);
});
