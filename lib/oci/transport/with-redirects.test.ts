import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { withRedirects } from "@/lib/oci/transport/with-redirects";
import { collectGarbage } from "@/test/support/collect-garbage";

interface Seen {
  path: string;
  headers: IncomingHttpHeaders;
}

const servers: Server[] = [];

async function serve(handler: (path: string, seen: Seen[]) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ path: req.url ?? "", headers: req.headers });
    const out = handler(req.url ?? "", seen);
    res.writeHead(out.status, out.headers);
    res.end(out.body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

const get = (url: string) => withRedirects((req) => fetch(req))(new Request(url, { headers: { authorization: "Bearer secret" } }));

describe("withRedirects", () => {
  it("drops Authorization when a blob redirect leaves the registry's origin", async () => {
    const storage = await serve(() => ({ status: 200, body: "blob-bytes" }));
    const registry = await serve(() => ({ status: 307, headers: { location: `${storage.url}/bucket/blob?sig=1` } }));
    const res = await get(`${registry.url}/v2/a/blobs/sha256:x`);
    expect(await res.text()).toBe("blob-bytes");
    expect(registry.seen[0]?.headers.authorization).toBe("Bearer secret");
    expect(storage.seen).toHaveLength(1);
    expect(storage.seen[0]?.path).toBe("/bucket/blob?sig=1");
    expect(storage.seen[0]?.headers.authorization).toBeUndefined();
  });

  it("keeps Authorization on a same-origin redirect", async () => {
    const registry = await serve((path) =>
      path.startsWith("/v2/a/blobs") ? { status: 302, headers: { location: "/store/x" } } : { status: 200, body: "ok" },
    );
    const res = await get(`${registry.url}/v2/a/blobs/sha256:x`);
    expect(await res.text()).toBe("ok");
    expect(registry.seen[1]?.path).toBe("/store/x");
    expect(registry.seen[1]?.headers.authorization).toBe("Bearer secret");
  });

  it("stops a redirect loop with UPSTREAM", async () => {
    const loop = await serve((path) => ({ status: 302, headers: { location: path } }));
    await expect(get(`${loop.url}/v2/a/blobs/x`)).rejects.toMatchObject({ code: "UPSTREAM" });
    expect(loop.seen.length).toBeLessThanOrEqual(6);
  });
});

describe("withRedirects: where a redirect may go", () => {
  it("refuses to follow an https registry down to plain http on another host", async () => {
    const seen: string[] = [];
    const fake = async (req: Request) => {
      seen.push(req.url);
      return req.url.startsWith("https://registry.test/")
        ? new Response(null, { status: 307, headers: { location: "http://cdn.test/blob?sig=1" } })
        : new Response("bytes");
    };
    await expect(withRedirects(fake)(new Request("https://registry.test/v2/a/blobs/sha256:x"))).rejects.toMatchObject({
      code: "UPSTREAM",
      message: expect.stringContaining("only https"),
    });
    expect(seen).toEqual(["https://registry.test/v2/a/blobs/sha256:x"]);
  });

  it("follows an https registry to another https host without Authorization", async () => {
    const seen: Request[] = [];
    const fake = async (req: Request) => {
      seen.push(req);
      return req.url.startsWith("https://registry.test/")
        ? new Response(null, { status: 307, headers: { location: "https://cdn.test/blob?sig=1" } })
        : new Response("bytes");
    };
    const res = await withRedirects(fake)(new Request("https://registry.test/v2/a/blobs/sha256:x", { headers: { authorization: "Bearer t" } }));
    expect(await res.text()).toBe("bytes");
    expect(seen[1]!.headers.get("authorization")).toBeNull();
  });

  it("the caller's abort still reaches the hop after a redirect once garbage is collected", async () => {
    const hangAfterRedirect = async (req: Request) => {
      if (new URL(req.url).pathname.startsWith("/v2/")) return new Response(null, { status: 307, headers: { location: "http://storage.test/blob" } });
      return new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
    };
    const caller = new AbortController();
    const outcome = withRedirects(hangAfterRedirect)(new Request("http://registry.test/v2/a/blobs/sha256:x", { signal: caller.signal })).then(
      () => "answered",
      (e: Error) => e.name,
    );
    await collectGarbage();
    caller.abort();
    const hung = new Promise((resolve) => setTimeout(() => resolve("still hanging after 5 s"), 5_000).unref());
    expect(await Promise.race([outcome, hung])).toBe("AbortError");
  });
});
