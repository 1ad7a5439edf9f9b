import { describe, expect, it } from "vitest";
import { hasMetricsToken } from "./metrics-token";

describe("the metrics token", () => {
  const token = "m".repeat(32);
  it("opens /metrics only with exactly the configured bearer token", () => {
    expect(hasMetricsToken(`Bearer ${token}`, token)).toBe(true);
    expect(hasMetricsToken(`bearer ${token}`, token)).toBe(true);
    expect(hasMetricsToken(`Bearer ${token}x`, token)).toBe(false);
    expect(hasMetricsToken(`Bearer ${token.slice(1)}`, token)).toBe(false);
    expect(hasMetricsToken(token, token)).toBe(false);
    expect(hasMetricsToken(`Basic ${token}`, token)).toBe(false);
    expect(hasMetricsToken(null, token)).toBe(false);
    expect(hasMetricsToken("Bearer ", token)).toBe(false);
  });
});
