import { describe, expect, it } from "vitest";
import { hasPermission } from "./has-permission";
import { resolveGrants } from "./resolve-grants";
import type { GrantRule, Permission, Principal } from "./types";

const RULES: GrantRule[] = [
  { group: "fraud-team", role: "contributor", scope: "acme/fraud-*" },
  { group: "fraud-leads", role: "approver", scope: "acme/fraud-detection" },
  { group: "security", role: "reviewer", scope: "*" },
  { group: "ds", role: "viewer", scope: "local/*" },
  { user: "carol", role: "approver", scope: "local/demo/*" },
  { user: "oidc:42", role: "viewer", scope: "acme/public/*" },
  { anonymous: true, role: "viewer", scope: "local/public-*" },
];
const user = (groups: string[], id = "oidc:x"): Principal => ({ kind: "user", id, groups });
const can = (p: Principal, perm: Permission, registry: string, repository?: string, adminGroup?: string) =>
  hasPermission({ grants: resolveGrants(RULES, p, adminGroup) }, perm, { registry, repository });

describe("grant evaluation", () => {
  it.each([
    // groups, permission, registry, repository, expected
    [["fraud-team"], "repository.read", "acme", "fraud-detection", true],
    [["fraud-team"], "promotion.request", "acme", "fraud-scoring", true],
    // `*` stays inside its path segment: acme/fraud-* does not reach below fraud-scoring/
    [["fraud-team"], "promotion.request", "acme", "fraud-scoring/v2", false],
    [["fraud-team"], "approval.decide", "acme", "fraud-detection", false],
    [["fraud-team"], "repository.read", "acme", "churn", false],
    [["fraud-team"], "repository.read", "local", "fraud-detection", false],
    [["fraud-team", "fraud-leads"], "approval.decide", "acme", "fraud-detection", true],
    [["fraud-team", "fraud-leads"], "approval.decide", "acme", "fraud-scoring", false],
    [["security"], "review.decide", "local", "demo/x", true],
    [["security"], "approval.decide", "local", "demo/x", false],
    [["ds"], "repository.read", "local", "demo/fraud-detection", true],
    [["ds"], "comment.write", "local", "demo/fraud-detection", false],
    [[], "repository.read", "local", "demo/fraud-detection", false],
  ] as const)("%j %s on %s/%s → %s", (groups, perm, registry, repo, expected) => {
    expect(can(user([...groups]), perm, registry, repo)).toBe(expected);
  });

  it("merges roles from several grants: the best applicable one wins per repository", () => {
    const p = user(["ds", "security"]);
    expect(can(p, "review.decide", "local", "demo/a")).toBe(true);
    expect(can(p, "approval.decide", "local", "demo/a")).toBe(false);
  });

  it("matches user grants by id, with a bare name meaning a local account", () => {
    expect(can(user([], "local:carol"), "approval.decide", "local", "demo/a")).toBe(true);
    expect(can(user([], "oidc:carol"), "approval.decide", "local", "demo/a")).toBe(false);
    expect(can(user([], "oidc:42"), "repository.read", "acme", "public/x")).toBe(true);
  });

  it("gives anonymous callers only the anonymous grants, and nothing by default", () => {
    const anon: Principal = { kind: "anonymous" };
    expect(can(anon, "repository.read", "local", "public-models")).toBe(true);
    expect(can(anon, "repository.read", "local", "demo/fraud-detection")).toBe(false);
    expect(hasPermission({ grants: resolveGrants([], anon) }, "repository.read", { registry: "local", repository: "x" })).toBe(false);
    // anonymous rules never apply to signed-in users through the back door, nor do group rules to anonymous
    expect(can(user([]), "repository.read", "local", "public-models")).toBe(false);
  });

  it("makes the admin group admin everywhere, including global permissions", () => {
    const admin = user(["kg-admins"]);
    expect(can(admin, "approval.decide", "zzz", "any/repo", "kg-admins")).toBe(true);
    expect(hasPermission({ grants: resolveGrants(RULES, admin, "kg-admins") }, "admin.access")).toBe(true);
    expect(hasPermission({ grants: resolveGrants(RULES, user(["security"]), "kg-admins") }, "admin.access")).toBe(false);
  });

  it("needs an admin grant on `*` for global permissions; admin on a narrower scope is not enough", () => {
    const narrow = hasPermission({ grants: [{ role: "admin", scope: "local/*", via: "t" }] }, "admin.access");
    expect(narrow).toBe(false);
    expect(hasPermission({ grants: [{ role: "admin", scope: "local/*", via: "t" }] }, "approval.decide", { registry: "local", repository: "a/b" })).toBe(true);
  });

  it("answers registry visibility by the scope's registry part", () => {
    expect(can(user(["fraud-team"]), "repository.read", "acme")).toBe(true);
    expect(can(user(["fraud-team"]), "repository.read", "local")).toBe(false);
  });

  it("lets any signed-in user with some grant manage their own tokens, not someone without grants", () => {
    expect(hasPermission({ grants: resolveGrants(RULES, user(["ds"])) }, "token.manage-own")).toBe(true);
    expect(hasPermission({ grants: resolveGrants(RULES, user([])) }, "token.manage-own")).toBe(false);
  });
});

describe("token limits", () => {
  const owner = resolveGrants(RULES, user(["fraud-team", "fraud-leads"]));
  const target = { registry: "acme", repository: "fraud-detection" };

  it("narrow the owner's access to the token's permissions and scopes", () => {
    const access = { grants: owner, tokenLimits: { scopes: ["acme/fraud-detection"], permissions: ["repository.read" as const] } };
    expect(hasPermission(access, "repository.read", target)).toBe(true);
    expect(hasPermission(access, "approval.decide", target)).toBe(false);
    expect(hasPermission(access, "repository.read", { registry: "acme", repository: "fraud-scoring" })).toBe(false);
  });

  it("never widen the owner's access", () => {
    const contributor = resolveGrants(RULES, user(["fraud-team"]));
    const access = { grants: contributor, tokenLimits: { scopes: ["*"], permissions: ["repository.read" as const, "review.decide" as const] } };
    expect(hasPermission(access, "review.decide", target)).toBe(false);
    expect(hasPermission(access, "repository.read", { registry: "local", repository: "x" })).toBe(false);
  });

  it("cannot carry token management or admin permissions, even for an admin owner", () => {
    const access = {
      grants: [{ role: "admin" as const, scope: "*", via: "t" }],
      tokenLimits: { scopes: ["*"], permissions: ["admin.access", "token.manage-own"] as never[] },
    };
    expect(hasPermission(access, "admin.access")).toBe(false);
    expect(hasPermission(access, "token.manage-own")).toBe(false);
  });
});
