import { describe, expect, it } from "vitest";
import { extractGroups } from "./extract-groups";

describe("extractGroups", () => {
  it("reads a list claim, a string claim and a dotted path", () => {
    expect(extractGroups({ groups: ["a", "b", "a"] }, "groups")).toEqual(["a", "b"]);
    expect(extractGroups({ roles: "approver" }, "roles")).toEqual(["approver"]);
    expect(extractGroups({ realm_access: { roles: ["x"] } }, "realm_access.roles")).toEqual(["x"]);
  });

  it("says 'absent' (null) so the caller can ask userinfo, but [] when present and empty", () => {
    expect(extractGroups({ sub: "1" }, "groups")).toBeNull();
    expect(extractGroups({ groups: [] }, "groups")).toEqual([]);
  });

  it("applies the group filter and drops non-strings", () => {
    expect(extractGroups({ groups: ["kg-a", "other", 7, "kg-b"] }, "groups", "^kg-")).toEqual(["kg-a", "kg-b"]);
  });
});
