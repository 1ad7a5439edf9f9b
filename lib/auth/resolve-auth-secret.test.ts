import { expect, it } from "vitest";
import { resolveAuthSecret } from "./resolve-auth-secret";

it("uses NEXTAUTH_SECRET when set, a dev default outside production or in demo mode, and refuses otherwise", () => {
  const secret = "x".repeat(40);
  expect(resolveAuthSecret({ NEXTAUTH_SECRET: secret, NODE_ENV: "production", KITGATE_DEMO: "0" })).toBe(secret);
  expect(resolveAuthSecret({ NODE_ENV: "development", KITGATE_DEMO: "0" })).toMatch(/dev-only/);
  expect(resolveAuthSecret({ NODE_ENV: "production", KITGATE_DEMO: "1" })).toMatch(/dev-only/);
  expect(() => resolveAuthSecret({ NODE_ENV: "production", KITGATE_DEMO: "0" })).toThrow(/NEXTAUTH_SECRET/);
});
