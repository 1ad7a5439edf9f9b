import { describe, expect, it } from "vitest";
import { withAuth } from "@/lib/oci/transport/with-auth";
import { collectGarbage } from "@/test/support/collect-garbage";
import { fakeFetcher, json } from "@/test/support/registry/fake-fetcher";

const REG = "http://registry.test";
const REALM = "http://auth.test/token";
/** the token service lives on another host: it has to be listed (config `auth.realmHosts`) */
const AUTH_HOST = { registryUrl: REG, realmHosts: ["auth.test"] };

/**
 * A registry that demands `Bearer <user>-<n>` tokens from auth.test. The token server answers with
 * `token` or `access_token`, and records which scopes it was asked for.
 */
function bearerRegistry(opts: { tokenField?: "token" | "access_token"; expiresIn?: number; gate?: Promise<void> } = {}) {
  let issued = 0;
  return fakeFetcher(async (req, url) => {
    if (url.origin === "http://auth.test") {
      await opts.gate;
      issued++;
      const auth = req.headers.get("authorization");
      const user = auth ? Buffer.from(auth.slice(6), "base64").toString().split(":")[0] : "anon";
      return json({ [opts.tokenField ?? "token"]: `${user}-${issued}`, ...(opts.expiresIn ? { expires_in: opts.expiresIn } : {}) });
    }
    if (!req.headers.get("authorization")?.startsWith("Bearer ")) {
      const repo = /^\/v2\/(.+?)\/(manifests|blobs|tags)/.exec(url.pathname)?.[1] ?? "x";
      const action = req.method === "GET" || req.method === "HEAD" ? "pull" : "push,pull";
      return new Response(null, {
        status: 401,
        headers: { "www-authenticate": `Bearer realm="${REALM}",service="reg",scope="repository:${repo}:${action}"` },
      });
    }
    return json({ ok: true, auth: req.headers.get("authorization") });
  });
}

const tokenRequests = (f: ReturnType<typeof fakeFetcher>) => f.requests.filter((r) => r.url.origin === "http://auth.test");

describe("withAuth", () => {
  it("fetches a token once and reuses it for later calls with the same scope", async () => {
    const f = bearerRegistry();
    const client = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "alice", password: "pw" } });
    for (let i = 0; i < 3; i++) {
      const res = await client(new Request(`${REG}/v2/team/a/manifests/v1`));
      expect(res.status).toBe(200);
      expect((await res.json()).auth).toBe("Bearer alice-1");
    }
    expect(tokenRequests(f)).toHaveLength(1);
    // Only the very first call met a challenge; later ones authenticated up front.
    expect(f.requests.filter((r) => r.url.origin === REG)).toHaveLength(4);
  });

  it("shares one token request among 10 concurrent misses (single-flight)", async () => {
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const f = bearerRegistry({ gate });
    const client = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "alice", password: "pw" } });
    const all = Promise.all(Array.from({ length: 10 }, () => client(new Request(`${REG}/v2/team/a/manifests/v1`))));
    setTimeout(open, 0);
    const results = await all;
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(tokenRequests(f)).toHaveLength(1);
  });

  it("asks for merged, sorted scopes (challenge push,pull + own pull → pull,push) with Basic credentials", async () => {
    const f = bearerRegistry();
    const client = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "alice", password: "pw" } });
    await client(new Request(`${REG}/v2/team/a/blobs/uploads/?mount=sha256:${"a".repeat(64)}&from=team/b`, { method: "POST" }));
    const [tokenReq] = tokenRequests(f);
    expect(tokenReq?.url.searchParams.getAll("scope")).toEqual(["repository:team/a:pull,push", "repository:team/b:pull"]);
    expect(tokenReq?.url.searchParams.get("service")).toBe("reg");
    expect(tokenReq?.headers.get("authorization")).toBe(`Basic ${Buffer.from("alice:pw").toString("base64")}`);
  });

  it("requests tokens anonymously without credentials and accepts access_token", async () => {
    const f = bearerRegistry({ tokenField: "access_token" });
    const client = withAuth(f.fetch, AUTH_HOST);
    const res = await client(new Request(`${REG}/v2/team/a/tags/list`));
    expect((await res.json()).auth).toBe("Bearer anon-1");
    expect(tokenRequests(f)[0]?.headers.has("authorization")).toBe(false);
  });

  it("keeps tokens of different credentials apart", async () => {
    const f = bearerRegistry();
    const alice = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "alice", password: "pw" } });
    const bob = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "bob", password: "pw" } });
    await alice(new Request(`${REG}/v2/team/a/manifests/v1`));
    const res = await bob(new Request(`${REG}/v2/team/a/manifests/v1`));
    expect((await res.json()).auth).toBe("Bearer bob-2");
    expect(tokenRequests(f)).toHaveLength(2);
  });

  it("gets a new token for a different scope and after expires_in has passed", async () => {
    let now = 1_000_000;
    const f = bearerRegistry({ expiresIn: 300 });
    const client = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "alice", password: "pw" }, now: () => now });
    await client(new Request(`${REG}/v2/team/a/manifests/v1`));
    await client(new Request(`${REG}/v2/team/b/manifests/v1`));
    expect(tokenRequests(f)).toHaveLength(2);
    await client(new Request(`${REG}/v2/team/a/manifests/v1`));
    expect(tokenRequests(f)).toHaveLength(2);
    now += 301_000;
    await client(new Request(`${REG}/v2/team/a/manifests/v1`));
    expect(tokenRequests(f)).toHaveLength(3);
  });

  it("answers a Basic challenge with credentials, and returns the 401 without them", async () => {
    const basic = `Basic ${Buffer.from("u:p").toString("base64")}`;
    const f = fakeFetcher((req) =>
      req.headers.get("authorization") === basic
        ? json({ ok: true })
        : new Response(null, { status: 401, headers: { "www-authenticate": 'Basic realm="r"' } }),
    );
    expect((await withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "u", password: "p" } })(new Request(`${REG}/v2/`))).status).toBe(200);
    expect((await withAuth(f.fetch)(new Request(`${REG}/v2/`))).status).toBe(401);
  });

  it("sends a static token up front", async () => {
    const f = fakeFetcher(() => json({}));
    await withAuth(f.fetch, { staticToken: "s3cret" })(new Request(`${REG}/v2/`));
    expect(f.requests[0]?.headers.get("authorization")).toBe("Bearer s3cret");
  });

  it("replays the request body when answering a challenge", async () => {
    const bodies: string[] = [];
    const inner = bearerRegistry();
    const f = fakeFetcher(async (req) => {
      if (req.method === "PUT") bodies.push(await req.clone().text());
      return inner.fetch(req);
    });
    const client = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "a", password: "b" } });
    const res = await client(new Request(`${REG}/v2/team/a/manifests/v1`, { method: "PUT", body: "{\"x\":1}" }));
    expect(res.status).toBe(200);
    expect(bodies).toEqual(['{"x":1}', '{"x":1}']);
  });

  it("turns a refused token request into UNAUTHENTICATED", async () => {
    const f = fakeFetcher((_req, url) =>
      url.origin === "http://auth.test"
        ? json({ errors: [{ code: "UNAUTHORIZED", message: "bad creds" }] }, { status: 401 })
        : new Response(null, { status: 401, headers: { "www-authenticate": `Bearer realm="${REALM}",service="reg"` } }),
    );
    const client = withAuth(f.fetch, { ...AUTH_HOST, credentials: { username: "a", password: "wrong" } });
    await expect(client(new Request(`${REG}/v2/team/a/manifests/v1`))).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  describe("realm and credential rules", () => {
    function challengeWith(realm: string, registry = REG) {
      return fakeFetcher((req, url) => {
        if (url.origin === registry && !req.headers.get("authorization")) {
          return new Response(null, { status: 401, headers: { "www-authenticate": `Bearer realm="${realm}",service="reg"` } });
        }
        return json({ token: "t" });
      });
    }

    it("refuses a realm on another host that is not listed, before sending anything there", async () => {
      const f = challengeWith("http://evil.test:8080/token");
      const client = withAuth(f.fetch, { registryUrl: REG, credentials: { username: "a", password: "b" } });
      await expect(client(new Request(`${REG}/v2/team/a/manifests/v1`))).rejects.toMatchObject({
        code: "UPSTREAM",
        message: expect.stringContaining("evil.test:8080"),
      });
      expect(f.requests.some((r) => r.url.host === "evil.test:8080")).toBe(false);
    });

    it("refuses a plain-http realm for an https registry, even on a listed host", async () => {
      const f = challengeWith("http://auth.test/token", "https://registry.test");
      const client = withAuth(f.fetch, { registryUrl: "https://registry.test", realmHosts: ["auth.test"] });
      await expect(client(new Request("https://registry.test/v2/team/a/manifests/v1"))).rejects.toMatchObject({ code: "UPSTREAM" });
      expect(f.requests.some((r) => r.url.host === "auth.test")).toBe(false);
    });

    it("accepts a realm on the registry's own host", async () => {
      const f = challengeWith(`${REG}/token`);
      const client = withAuth(f.fetch, { registryUrl: REG, credentials: { username: "a", password: "b" } });
      expect((await client(new Request(`${REG}/v2/team/a/manifests/v1`))).status).toBe(200);
      expect(f.requests.filter((r) => r.url.pathname === "/token")).toHaveLength(1);
    });

    it("never attaches credentials to a request for another origin (an upload Location elsewhere)", async () => {
      const f = fakeFetcher(() => new Response(null, { status: 201 }));
      await withAuth(f.fetch, { registryUrl: REG, staticToken: "s3cret" })(new Request("http://storage.test/upload", { method: "PUT" }));
      expect(f.requests[0]!.headers.get("authorization")).toBeNull();
    });
  });

  it("a token service that never answers runs into the token deadline, even after a garbage collection", async () => {
    const f = fakeFetcher(async (req, url) => {
      if (url.origin === "http://auth.test") {
        return new Promise<Response>((_, reject) => req.signal.addEventListener("abort", () => reject(req.signal.reason)));
      }
      return new Response(null, { status: 401, headers: { "www-authenticate": `Bearer realm="${REALM}",service="reg"` } });
    });
    const outcome = withAuth(f.fetch, { ...AUTH_HOST, tokenTimeoutMs: 300 })(new Request(`${REG}/v2/a/manifests/v1`)).then(
      () => "answered",
      (e: Error) => e.name,
    );
    await collectGarbage();
    const hung = new Promise((resolve) => setTimeout(() => resolve("still hanging after 5 s"), 5_000).unref());
    expect(await Promise.race([outcome, hung])).toBe("TimeoutError");
  });
});
