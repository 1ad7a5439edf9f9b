import { describe, expect, it } from "vitest";
import { formatBytes } from "./format-bytes";
import { formatCount } from "./format-count";
import { formatMode } from "./format-mode";
import { shortDigest } from "./short-digest";

describe("formatBytes", () => {
  it.each([
    [0, "0 B"],
    [999, "999 B"],
    [1000, "1.0 KB"],
    [1_234_567, "1.2 MB"],
    [512_000_000, "512 MB"],
    [7_000_000_000_000, "7.0 TB"],
  ])("%d → %s", (n, s) => expect(formatBytes(n)).toBe(s));
  it("does not render garbage for hostile sizes", () => {
    expect(formatBytes(-1)).toBe("—");
    expect(formatBytes(Number.NaN)).toBe("—");
  });
});

describe("formatMode / formatCount / shortDigest", () => {
  it("prints permission bits like ls", () => {
    expect(formatMode(0o755)).toBe("rwxr-xr-x");
    expect(formatMode(0o644)).toBe("rw-r--r--");
  });
  it("prints parameter counts with ML suffixes", () => {
    expect(formatCount(7_241_732_096)).toBe("7.24B");
    expect(formatCount(124_439_808)).toBe("124.4M");
    expect(formatCount(12)).toBe("12");
  });
  it("shortens digests to 12 hex characters", () => {
    expect(shortDigest(`sha256:${"a".repeat(64)}`)).toBe("sha256:aaaaaaaaaaaa");
  });
});
