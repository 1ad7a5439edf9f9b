import { describe, expect, it } from "vitest";
import { scopeMatches } from "./scope-matches";

describe("scopeMatches", () => {
  it.each([
    ["*", "any", "thing/at/all", true],
    ["local/*", "local", "demo/fraud-detection", true],
    ["local/*", "localx", "demo", false],
    ["acme/fraud-*", "acme", "fraud-detection", true],
    ["acme/fraud-*", "acme", "team/fraud-detection", false],
    ["acme/team/*", "acme", "team/a", true],
    ["acme/team/*", "acme", "teamx/a", false],
    ["*/public-*", "ghcr", "public-models", true],
    ["acme/{a,b}", "acme", "b", true],
    ["acme/{a,b}", "acme", "c", false],
    ["acme/fraud-detection", "acme", "fraud-detection-2", false],
  ])("%s covers %s/%s → %s", (scope, registry, repository, expected) => {
    expect(scopeMatches(scope, { registry, repository })).toBe(expected);
  });

  it("treats a registry-only target as 'anything in that registry'", () => {
    expect(scopeMatches("acme/fraud-*", { registry: "acme" })).toBe(true);
    expect(scopeMatches("acme/fraud-*", { registry: "local" })).toBe(false);
  });
});
