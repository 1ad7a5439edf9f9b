import { expect, it } from "vitest";
import { createTokenInput } from "./create-token-input";

it("accepts scoped, tokenable permissions with a bounded expiry and refuses admin powers", () => {
  const ok = createTokenInput.parse({ name: " ci ", scopes: ["acme/fraud-*"], permissions: ["repository.read", "repository.read"] });
  expect(ok).toEqual({ name: "ci", scopes: ["acme/fraud-*"], permissions: ["repository.read"], expiresInDays: 90 });
  expect(createTokenInput.safeParse({ name: "x", scopes: ["*"], permissions: ["admin.access"] }).success).toBe(false);
  expect(createTokenInput.safeParse({ name: "x", scopes: ["*"], permissions: ["token.manage-own"] }).success).toBe(false);
  expect(createTokenInput.safeParse({ name: "x", scopes: ["*"], permissions: ["repository.read"], expiresInDays: 400 }).success).toBe(false);
  expect(createTokenInput.safeParse({ name: "x", scopes: ["/etc passwd"], permissions: ["repository.read"] }).success).toBe(false);
});
