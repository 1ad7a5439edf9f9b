import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withRequestBudget } from "@/lib/http/request-budget";
import { createEdgeFetcher, isForbiddenAddress } from "./create-edge-fetcher";

describe("isForbiddenAddress", () => {
  it.each([
    ["169.254.169.254", true],
    ["169.254.0.1", true],
    ["::ffff:169.254.169.254", true],
    ["fd00:ec2::254", true],
    ["fe80::1", true],
    ["100.100.100.200", true],
    ["0.0.0.0", true],
    ["127.0.0.1", false],
    ["10.0.0.5", false],
    ["192.168.1.10", false],
    ["::1", false],
    ["registry.example", false],
  ])("%s → %s", (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});

describe("createEdgeFetcher", () => {
  let base: string;
  const server = createServer((req, res) => {
    if (req.url === "/hang") return; // never answers
    if (req.url === "/drip") {
      res.writeHead(200);
      const t = setInterval(() => res.write("x"), 100);
      res.on("close", () => clearInterval(t));
      return;
    }
    res.writeHead(200, { "content-type": "text/plain", "x-two": ["a", "b"] });
    res.end(req.method === "HEAD" ? undefined : `hello ${req.method}`);
  });
  beforeAll(async () => {
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });
  const edge = createEdgeFetcher({ connectTimeoutMs: 1_000, headersTimeoutMs: 300, bodyIdleTimeoutMs: 300 });

  it("returns a web Response with status, headers, body and url", async () => {
    const res = await edge(new Request(`${base}/x`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain");
    expect(res.url).toBe(`${base}/x`);
    expect(await res.text()).toBe("hello GET");
  });

  it("refuses metadata addresses before connecting", async () => {
    await expect(edge(new Request("http://169.254.169.254/latest/meta-data/"))).rejects.toMatchObject({ code: "UPSTREAM" });
  });

  it("gives up on headers that never come (its own deadline, not only the caller's)", async () => {
    const started = Date.now();
    await expect(edge(new Request(`${base}/hang`))).rejects.toBeTruthy();
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("a request budget aborts a body that keeps dripping", async () => {
    const started = Date.now();
    const read = withRequestBudget(async () => (await edge(new Request(`${base}/drip`))).text(), 400);
    await expect(read).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("discarding a body does not wait and leaves no uncaught error behind", async () => {
    const errors: unknown[] = [];
    const onError = (e: unknown) => errors.push(e);
    process.on("uncaughtException", onError);
    process.on("unhandledRejection", onError);
    try {
      const res = await edge(new Request(`${base}/drip`));
      void res.body!.cancel();
      await edge(new Request(`${base}/x`, { method: "HEAD" }));
      await new Promise((r) => setTimeout(r, 300));
      expect(errors).toEqual([]);
    } finally {
      process.off("uncaughtException", onError);
      process.off("unhandledRejection", onError);
    }
  });
});
