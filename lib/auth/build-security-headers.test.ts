import { expect, it } from "vitest";
import { buildSecurityHeaders } from "./build-security-headers";

it("allows scripts only by nonce, forbids framing, and adds HSTS only behind HTTPS", () => {
  const h = buildSecurityHeaders({ nonce: "abc123", https: false, dev: false });
  const csp = h["Content-Security-Policy"]!;
  expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
  expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("worker-src 'self' blob:");
  expect(h["X-Content-Type-Options"]).toBe("nosniff");
  expect(h["Strict-Transport-Security"]).toBeUndefined();
  expect(buildSecurityHeaders({ nonce: "n", https: true, dev: false })["Strict-Transport-Security"]).toMatch(/max-age/);
});
