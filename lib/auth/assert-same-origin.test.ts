import { describe, expect, it } from "vitest";
import { assertSameOrigin } from "./assert-same-origin";

const req = (headers: Record<string, string>) =>
  new Request("http://127.0.0.1:3000/api/v1/tokens", { method: "POST", headers: { host: "127.0.0.1:3000", ...headers } });

describe("assertSameOrigin", () => {
  it("accepts same-origin browser requests and bearer-token requests", () => {
    expect(() => assertSameOrigin(req({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(req({ "sec-fetch-site": "same-origin" }))).not.toThrow();
    expect(() => assertSameOrigin(req({ authorization: "Bearer kg_x", origin: "https://evil.example" }))).not.toThrow();
  });

  it("refuses cross-site requests and cookie requests that carry no origin information", () => {
    expect(() => assertSameOrigin(req({ origin: "https://evil.example" }))).toThrow(/Cross-site/);
    expect(() => assertSameOrigin(req({ origin: "http://127.0.0.1:3000", "sec-fetch-site": "cross-site" }))).toThrow();
    expect(() => assertSameOrigin(req({}))).toThrow();
  });
});
