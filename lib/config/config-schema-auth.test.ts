import { describe, expect, it } from "vitest";
import { configFileSchema } from "./config-schema";

const base = { registries: [{ name: "local", layout: "./r" }] };
const issues = (v: unknown) => {
  const r = configFileSchema.safeParse({ ...base, ...(v as object) });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("auth and access config", () => {
  it("accepts the documented shapes with defaults", () => {
    const r = configFileSchema.parse({
      ...base,
      auth: { oidc: { issuer: "https://idp.example/realms/a", clientId: "kitgate", clientSecretEnv: "OIDC_SECRET" } },
      access: [
        { group: "fraud-team", role: "contributor", scope: "acme/fraud-*" },
        { user: "local:alice", role: "admin", scope: "*" },
        { anonymous: true, role: "viewer", scope: "local/public-*" },
      ],
    });
    expect(r.auth?.oidc?.groupsClaim).toBe("groups");
    expect(r.auth?.oidc?.scopes).toEqual(["openid", "profile", "email"]);
    expect(r.auth?.sessionMaxAgeMinutes).toBe(480);
  });

  it("names the bad key", () => {
    expect(issues({ access: [{ group: "a", role: "owner", scope: "*" }] })[0]).toMatch(/^access\.0\.role: /);
    expect(issues({ access: [{ group: "a", user: "b", role: "viewer", scope: "*" }] })[0]).toMatch(/^access\.0\.group: exactly one/);
    expect(issues({ access: [{ anonymous: true, role: "approver", scope: "*" }] })[0]).toMatch(/^access\.0\.role: anonymous/);
    expect(issues({ access: [{ group: "a", role: "viewer", scope: "acme fraud" }] })[0]).toMatch(/^access\.0\.scope: /);
    expect(issues({ auth: { oidc: { issuer: "https://x", clientId: "c", groupFilter: "([" } } })[0]).toMatch(/^auth\.oidc\.groupFilter: /);
    expect(issues({ auth: { localUsers: [{ username: "a", passwordHash: "plain" }] } })[0]).toMatch(/^auth\.localUsers\.0\.passwordHash: /);
    expect(issues({ auth: { oidc: { issuer: "https://x", clientId: "c", clientSecret: "inline!" } } })[0]).toMatch(/^auth\.oidc: /);
  });
});
