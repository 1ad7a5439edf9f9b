import { describe, expect, it } from "vitest";
import { getEnvironmentRules } from "./get-environment-rules";
import { promotionTarget } from "./promotion-target";

const DIGEST = "sha256:" + "3b".repeat(32);

describe("promotionTarget", () => {
  it("tags in the same repository by default, the environment name as the tag", () => {
    const env = getEnvironmentRules({ environments: [{ name: "staging" }] }, "staging");
    expect(promotionTarget(env, { repository: "team/fraud", digest: DIGEST })).toEqual({ repository: "team/fraud", tag: "staging", copy: false });
  });

  it("expands {version} from the requested tag, or the short digest when the request named a digest", () => {
    const env = { name: "production", promotion: { tag: "prod-{version}" } };
    expect(promotionTarget(env, { repository: "team/fraud", digest: DIGEST, tag: "1.2.0" }).tag).toBe("prod-1.2.0");
    expect(promotionTarget(env, { repository: "team/fraud", digest: DIGEST }).tag).toBe("prod-3b3b3b3b3b3b");
  });

  it("copies into an environment repository when one is configured", () => {
    const env = { name: "production", promotion: { tag: "production", repository: "prod/{repository}" } };
    expect(promotionTarget(env, { repository: "team/fraud", digest: DIGEST })).toEqual({ repository: "prod/team/fraud", tag: "production", copy: true });
  });

  it("refuses a pattern that expands to something the registry would reject", () => {
    expect(() => promotionTarget({ name: "x", promotion: { tag: "{version}" } }, { repository: "r", digest: DIGEST, tag: "-bad" })).toThrow(/not a valid tag/);
    expect(() => promotionTarget({ name: "x", promotion: { tag: "t", repository: "Prod/{repository}" } }, { repository: "r", digest: DIGEST })).toThrow(/repository/);
  });
});

describe("getEnvironmentRules", () => {
  it("fills the workflow defaults (one approval, distinct approver, move back on revoke)", () => {
    expect(getEnvironmentRules({ environments: [{ name: "dev" }] }, "dev")).toEqual({
      name: "dev",
      approvals: 1,
      approverGroups: [],
      distinctApprover: true,
      waitMinutes: 0,
      promotion: { tag: "{name}" },
      onRevoke: "previous",
    });
  });

  it("names the configured environments when asked for an unknown one", () => {
    expect(() => getEnvironmentRules({ environments: [{ name: "dev" }, { name: "prod" }] }, "qa")).toThrow(/unknown environment "qa" \(configured: dev, prod\)/);
  });
});
