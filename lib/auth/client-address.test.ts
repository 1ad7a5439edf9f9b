import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "./client-address";

describe("clientAddress", () => {
  const none = parseTrustedProxies([]);
  const lb = parseTrustedProxies(["10.0.0.0/8", "::1", "fd00::/8"]);

  it("uses the socket peer and ignores X-Forwarded-For without trusted proxies", () => {
    expect(clientAddress("203.0.113.9", "1.2.3.4", none)).toBe("203.0.113.9");
    expect(clientAddress("::ffff:127.0.0.1", "1.2.3.4", none)).toBe("127.0.0.1");
    expect(clientAddress(undefined, "1.2.3.4", none)).toBeNull();
  });

  it("behind trusted proxies takes the right-most address that is not one of them", () => {
    expect(clientAddress("10.1.2.3", "198.51.100.7", lb)).toBe("198.51.100.7");
    expect(clientAddress("10.1.2.3", "6.6.6.6, 198.51.100.7, 10.9.9.9", lb)).toBe("198.51.100.7");
    expect(clientAddress("::1", "2001:db8::5", lb)).toBe("2001:db8::5");
    expect(clientAddress("10.1.2.3", "10.2.2.2", lb)).toBe("10.2.2.2");
    expect(clientAddress("10.1.2.3", "nonsense", lb)).toBe("10.1.2.3");
    expect(clientAddress("10.1.2.3", undefined, lb)).toBe("10.1.2.3");
  });

  it("refuses a malformed CIDR", () => {
    expect(() => parseTrustedProxies(["10.0.0.0/8", "proxy.example"])).toThrow(TypeError);
  });
});
