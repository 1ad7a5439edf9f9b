import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { generateTokenSecret, TOKEN_PATTERN } from "./generate-token-secret";
import { hashToken } from "./hash-token";

it("makes distinct high-entropy kg_ secrets whose stored forms (hash, prefix) do not reveal them", () => {
  const a = generateTokenSecret();
  const b = generateTokenSecret();
  expect(a.secret).toMatch(TOKEN_PATTERN);
  expect(a.secret).not.toBe(b.secret);
  expect(a.hash).toBe(createHash("sha256").update(a.secret).digest("hex"));
  expect(a.hash).toBe(hashToken(a.secret));
  expect(a.hash).not.toContain(a.secret.slice(3));
  expect(a.secret.startsWith(a.prefix)).toBe(true);
  expect(a.prefix.length).toBeLessThan(a.secret.length / 3);
});
