import { describe, expect, it } from "vitest";
import { withRetry } from "@/lib/oci/transport/with-retry";
import { collectGarbage } from "@/test/support/collect-garbage";
import { fakeFetcher, json } from "@/test/support/registry/fake-fetcher";

const URL_ = "http://registry.test/v2/a/manifests/v1";

function sequence(statuses: Array<number | "network" | [number, Record<string, string>]>) {
  let i = 0;
  return fakeFetcher(() => {
    const s = statuses[Math.min(i++, statuses.length - 1)]!;
    if (s === "network") throw new TypeError("fetch failed");
    const [status, headers] = Array.isArray(s) ? s : [s, {}];
    return json({ n: i }, { status, headers });
  });
}

describe("withRetry", () => {
  it("retries a 503 and returns the success that follows", async () => {
    const f = sequence([503, 503, 200]);
    const slept: number[] = [];
    const res = await withRetry(f.fetch, { sleep: async (ms) => void slept.push(ms) })(new Request(URL_));
    expect(res.status).toBe(200);
    expect(f.requests).toHaveLength(3);
    expect(slept).toHaveLength(2);
  });

  it("waits what Retry-After says (capped) before the next attempt", async () => {
    const f = sequence([[429, { "retry-after": "2" }], [503, { "retry-after": "86400" }], 200]);
    const slept: number[] = [];
    const res = await withRetry(f.fetch, { sleep: async (ms) => void slept.push(ms), maxRetryAfterMs: 10_000 })(new Request(URL_));
    expect(res.status).toBe(200);
    expect(slept).toEqual([2000, 10_000]);
  });

  it("gives up after maxAttempts and returns the last answer", async () => {
    const f = sequence([503]);
    const res = await withRetry(f.fetch, { maxAttempts: 3, sleep: async () => {} })(new Request(URL_));
    expect(res.status).toBe(503);
    expect(f.requests).toHaveLength(3);
  });

  it("does not retry a POST (not idempotent)", async () => {
    const f = sequence([503, 200]);
    const res = await withRetry(f.fetch, { sleep: async () => {} })(new Request(URL_, { method: "POST" }));
    expect(res.status).toBe(503);
    expect(f.requests).toHaveLength(1);
  });

  it("retries network errors and reports UPSTREAM when they persist", async () => {
    const ok = sequence(["network", 200]);
    expect((await withRetry(ok.fetch, { sleep: async () => {} })(new Request(URL_))).status).toBe(200);
    const down = sequence(["network"]);
    await expect(withRetry(down.fetch, { maxAttempts: 2, sleep: async () => {} })(new Request(URL_))).rejects.toMatchObject({
      code: "UPSTREAM",
    });
    expect(down.requests).toHaveLength(2);
  });

  it("turns a request that never answers into UPSTREAM_TIMEOUT", async () => {
    const hang = (req: Request) =>
      new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
    await expect(
      withRetry(hang, { maxAttempts: 1, headersTimeoutMs: 1 })(new Request(URL_)),
    ).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
  });

  it("the deadline still reaches a hung call after a garbage collection", async () => {
    // Only the hung call holds the Request it was given; fetch's Request follows its signal through a WeakRef.
    const hang = (req: Request) =>
      new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
    const outcome = withRetry(hang, { maxAttempts: 1, headersTimeoutMs: 300 })(new Request(URL_)).then(
      () => "answered",
      (e: { code?: string }) => e.code ?? "other error",
    );
    await collectGarbage();
    const hung = new Promise((resolve) => setTimeout(() => resolve("still hanging after 5 s"), 5_000).unref());
    expect(await Promise.race([outcome, hung])).toBe("UPSTREAM_TIMEOUT");
  });

  it("the caller's abort still reaches a body being read after a garbage collection", async () => {
    let bodyCancelled = false;
    const slowBody = () =>
      new Response(new ReadableStream({ pull: () => new Promise(() => {}), cancel: () => void (bodyCancelled = true) }), { status: 200 });
    // The fetcher below the retry layer watches its request's signal, as the edge fetcher does, and errors the body.
    const edge = (req: Request) => {
      const res = slowBody();
      const reader = res.body!.getReader();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          req.signal.addEventListener("abort", () => {
            controller.error(req.signal.reason);
            void reader.cancel();
          });
        },
      });
      return Promise.resolve(new Response(body, { status: 200 }));
    };
    const caller = new AbortController();
    const res = await withRetry(edge, { maxAttempts: 1 })(new Request(URL_, { signal: caller.signal }));
    const read = res.text().then(() => "finished", () => "aborted");
    await collectGarbage();
    caller.abort();
    const hung = new Promise((resolve) => setTimeout(() => resolve("still reading after 5 s"), 5_000).unref());
    expect(await Promise.race([read, hung])).toBe("aborted");
    expect(bodyCancelled).toBe(true);
  });

  it("sends the body again on each attempt of a PUT", async () => {
    const bodies: string[] = [];
    let n = 0;
    const f = fakeFetcher(async (req) => {
      bodies.push(await req.text());
      return new Response(null, { status: n++ === 0 ? 502 : 201 });
    });
    const res = await withRetry(f.fetch, { sleep: async () => {} })(new Request(URL_, { method: "PUT", body: "abc" }));
    expect(res.status).toBe(201);
    expect(bodies).toEqual(["abc", "abc"]);
  });
});

describe("withRetry inside a request budget", () => {
  it("does not sleep past the budget: a Retry-After longer than what is left returns the 503 at once", async () => {
    const { withRequestBudget } = await import("@/lib/http/request-budget");
    const f = sequence([[503, { "retry-after": "30" }], 200]);
    const slept: number[] = [];
    const started = Date.now();
    const res = await withRequestBudget(
      () => withRetry(f.fetch, { sleep: async (ms) => void slept.push(ms), maxRetryAfterMs: 60_000 })(new Request(URL_)),
      2_000,
    );
    expect(res.status).toBe(503);
    expect(slept).toEqual([]);
    expect(f.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it("turns the budget's expiry into UPSTREAM_TIMEOUT naming the registry and the step", async () => {
    const { currentBudget, withRequestBudget } = await import("@/lib/http/request-budget");
    const hang = (req: Request) =>
      new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
    const run = withRequestBudget(async () => {
      currentBudget()!.begin("acme", "GET manifest team/a:v1");
      return withRetry(hang, { registry: "acme", headersTimeoutMs: 60_000 })(new Request(URL_));
    }, 100);
    await expect(run).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT", message: expect.stringContaining("registry acme") });
  });

  it("a caller's own small-request deadline is UPSTREAM_TIMEOUT, never a raw DOMException", async () => {
    const hang = (req: Request) =>
      new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
    await expect(
      withRetry(hang, { maxAttempts: 1, headersTimeoutMs: 60_000 })(new Request(URL_, { signal: AbortSignal.timeout(20) })),
    ).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
  });
});
