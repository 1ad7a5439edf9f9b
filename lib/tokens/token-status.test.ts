import { expect, it } from "vitest";
import { tokenStatus } from "./token-status";

it("is active until expiry, expired at and after it, and revoked whenever revoked", () => {
  const now = new Date("2026-06-01T12:00:00Z");
  const later = new Date("2026-07-01T00:00:00Z");
  const earlier = new Date("2026-05-01T00:00:00Z");
  expect(tokenStatus({ expiresAt: later, revokedAt: null }, now)).toBe("active");
  expect(tokenStatus({ expiresAt: now, revokedAt: null }, now)).toBe("expired");
  expect(tokenStatus({ expiresAt: earlier, revokedAt: null }, now)).toBe("expired");
  expect(tokenStatus({ expiresAt: later, revokedAt: earlier }, now)).toBe("revoked");
  expect(tokenStatus({ expiresAt: earlier, revokedAt: earlier }, now)).toBe("revoked");
});
