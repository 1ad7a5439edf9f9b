import { expect, it } from "vitest";
import { summariseRoles } from "./summarise-roles";

it("shows one effective role per scope, the highest of the merged grants", () => {
  expect(
    summariseRoles([
      { role: "viewer", scope: "local/*", via: "group a" },
      { role: "approver", scope: "local/*", via: "group b" },
      { role: "reviewer", scope: "*", via: "group c" },
    ]),
  ).toEqual([
    { scope: "*", role: "reviewer" },
    { scope: "local/*", role: "approver" },
  ]);
});
