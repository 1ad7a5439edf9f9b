// The registry read path as users run it: Kitgate's production server (`next build` + `next start`) against a real
// docker-registry (CNCF distribution 2.8) behind small fronts that fail, lie or behave like a hosted registry.
// Every scenario asserts the answer, a time bound, and (at the end) that the server log holds no uncaught exception.
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startKitgate, type RunningKitgate } from "@/test/support/auth/start-kitgate";
import { EVERY_SIGNATURE, filePath, NOTES, README, startHostileWorld, timedGet, type HostileWorld } from "@/test/support/registry/hostile-world";

/** The hostile config's budgets: short, so the suite is quick; every bound below is derived from them. */
const REQUEST_BUDGET_S = 6;
const UPSTREAM_S = 3;
/** The machine is shared and loaded: a bound is the deadline plus this much. */
const SLACK_MS = 5_000;
const WITHIN_BUDGET_MS = REQUEST_BUDGET_S * 1000 + SLACK_MS;

let world: HostileWorld;
let app: RunningKitgate;

beforeAll(async () => {
  world = await startHostileWorld({ requestSeconds: REQUEST_BUDGET_S, upstreamSeconds: UPSTREAM_S });
  // responses checked against their documented contract (lib/http/check-response): errors included
  app = await startKitgate({ configPath: world.configPath, dbFile: path.join(world.dir, "kitgate.db"), env: { KITGATE_VALIDATE_RESPONSES: "1" } });
}, 240_000);

afterAll(async () => {
  // KITGATE_TEST_LOG=path keeps the server log of a run for reading
  if (process.env.KITGATE_TEST_LOG && app) await writeFile(process.env.KITGATE_TEST_LOG, app.log());
  await app?.stop();
  await world?.stop();
});

const get = (pathAndQuery: string) => timedGet(app.baseUrl, pathAndQuery);
const file = (registryName: string, repo: string, file: string, ref = "1.0") => get(filePath(registryName, repo, file, ref));

describe("a fresh production server on distribution 2.8", () => {
  it("renders the first versions page (with signature badges from the fallback index) within the budget", async () => {
    const page = await get("/repositories/dist/demo/fraud-detection");
    expect(page.status).toBe(200);
    expect(page.text).toContain("1.1.0");
    expect(page.text).toContain("1.0.0");
    expect(page.text).not.toContain("alert-error");
    expect(page.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("serves a file of an uncompressed tar layer, verified", async () => {
    const res = await file("dist", "hostile/files", "docs/README.md");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: README, verification: "verified" });
  });

  it("verifies and lists cosign and referrer attestations", async () => {
    const res = await get(`/api/v1/attestations?ref=${encodeURIComponent("dist/demo/fraud-detection:1.1.0")}`);
    expect(res.status).toBe(200);
    const items = res.body as unknown as { status: string; source: string }[];
    expect(items.filter((a) => a.status === "verified").map((a) => a.source).sort()).toEqual(["cosign-att-tag", "fallback-index"]);
  });
});

describe("faults: every upstream call bounded, retried where it may be", () => {
  it("retries a 503 once and answers", async () => {
    const res = await file("f503-once", "hostile/files", "docs/README.md");
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(README);
    expect(res.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("a page also retries a 503 (Next's patched fetch used to hand the same 503 back and hang)", async () => {
    const page = await get("/kit?ref=f503-once/demo/churn-model:1.0.0");
    expect(page.status).toBe(200);
    expect(page.text).toContain("churn-model");
    expect(page.text).not.toContain("alert-error");
    expect(page.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("answers 502 naming the registry when every attempt is 503", async () => {
    const res = await file("f503-always", "hostile/files", "docs/README.md");
    expect(res.status).toBe(502);
    expect(res.body.error?.message).toContain("f503-always");
    expect(res.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("waits what Retry-After says on a 429, then answers", async () => {
    const res = await file("f429", "hostile/files", "docs/README.md");
    expect(res.status).toBe(200);
    expect(res.body.text).toBe(README);
    expect(res.ms).toBeGreaterThanOrEqual(900);
    expect(res.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("a body at 1 byte/s ends in 504 naming the registry and the slow step, within the request budget", async () => {
    const res = await file("slow", "hostile/files", "docs/README.md");
    expect(res.status).toBe(504);
    expect(res.body.error).toMatchObject({ code: "UPSTREAM_TIMEOUT" });
    expect(res.body.error?.message).toMatch(/registry slow .*blob/);
    expect(res.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("the health check answers quickly while a request waits on a slow registry", async () => {
    const slow = file("slow", "hostile/gzip", "docs/README.md");
    await new Promise((r) => setTimeout(r, 500));
    const health = await get("/api/health");
    expect(health.status).toBe(200);
    expect(health.ms).toBeLessThan(2_000);
    expect((await slow).status).toBe(504);
  });

  it("a connection reset mid-body is a 502 naming the registry", async () => {
    const res = await file("reset", "hostile/files", "docs/README.md");
    expect(res.status).toBe(502);
    expect(res.body.error?.message).toContain("reset");
    expect(res.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("a redirect loop is cut off", async () => {
    const res = await file("loop", "hostile/files", "docs/README.md");
    expect(res.status).toBe(502);
    expect(res.body.error?.message).toMatch(/too many redirects/);
    expect(res.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });

  it("a registry that hangs does not wedge later requests once it is back (nothing single-flighted stays stuck)", async () => {
    const dist = world.fronts.get("dist")!;
    dist.setFault("hang");
    try {
      const [versions, attestations] = await Promise.all([
        get("/api/v1/versions?repository=dist/demo/support-llm"),
        get(`/api/v1/attestations?ref=${encodeURIComponent("dist/demo/support-llm:1.0.0")}`),
      ]);
      for (const res of [versions, attestations]) {
        expect(res.status).toBe(504);
        expect(res.body.error?.message).toContain("registry dist");
        expect(res.ms).toBeLessThan(WITHIN_BUDGET_MS);
      }
    } finally {
      dist.setFault("none");
    }
    const [versions, attestations] = await Promise.all([
      get("/api/v1/versions?repository=dist/demo/support-llm"),
      get(`/api/v1/attestations?ref=${encodeURIComponent("dist/demo/support-llm:1.0.0")}`),
    ]);
    expect(versions.status).toBe(200);
    expect(attestations.status).toBe(200);
    expect(versions.ms).toBeLessThan(WITHIN_BUDGET_MS);
  });
});

describe("liars: bytes are verified before they are parsed, cached or shown", () => {
  it.each([
    ["flip-last", "hostile/files"],
    ["flip-middle", "hostile/files"],
    ["flip-middle", "hostile/gzip"],
    ["flip-middle", "hostile/zstd"],
  ])("%s on %s: 502 DIGEST_MISMATCH naming registry, repository and digest; the bytes are not shown", async (front, repo) => {
    const res = await file(front, repo, "docs/README.md");
    expect(res.status).toBe(502);
    expect(res.body.error?.code).toBe("DIGEST_MISMATCH");
    expect(res.body.error?.message).toContain(front);
    expect(res.body.error?.message).toContain(repo);
    expect(res.body.error?.message).toMatch(/sha256:[a-f0-9]{64}/);
    expect(res.text).not.toContain("registry stored");
  });

  it("a flipped byte is never served from the shared cache to the registry that lies, nor the lie to the honest one", async () => {
    // the same repository through two registries: the honest read fills the cache, the liar's read must go upstream
    expect((await file("dist", "hostile/gzip", "docs/README.md")).status).toBe(200);
    expect((await file("flip-middle", "hostile/gzip", "docs/README.md")).status).toBe(502);
    expect((await file("dist", "hostile/gzip", "docs/README.md")).body.text).toBe(README);
  });

  it("a lying Docker-Content-Digest is a 502 DIGEST_MISMATCH", async () => {
    const res = await get(`/api/v1/modelkit?ref=${encodeURIComponent("lying-digest/hostile/files:1.0")}`);
    expect(res.status).toBe(502);
    expect(res.body.error?.code).toBe("DIGEST_MISMATCH");
  });

  it("a manifest served under another digest is a 502 DIGEST_MISMATCH", async () => {
    // a repository with two versions, so the front has another manifest to hand out
    const { digest } = (await get(`/api/v1/modelkit?ref=${encodeURIComponent("dist/demo/fraud-detection:1.1.0")}`)).body as { digest: string };
    const res = await get(`/api/v1/modelkit?ref=${encodeURIComponent(`other-manifest/demo/fraud-detection@${digest}`)}`);
    expect(res.status).toBe(502);
    expect(res.body.error?.code).toBe("DIGEST_MISMATCH");
  });

  it("large layers are read by Range and say so; 'verify whole layer' catches the flipped byte", async () => {
    const honest = await file("dist", "hostile/big", "src/notes.txt");
    expect(honest.status).toBe(200);
    expect(honest.body).toMatchObject({ verification: "range", text: NOTES });
    const lied = await file("flip-middle", "hostile/big", "src/notes.txt");
    expect(lied.status).toBe(200);
    expect(lied.body.verification).toBe("range");
    const layer = lied.body.layerDigest as string;
    const verify = await get(`/api/v1/modelkit/verify?${new URLSearchParams({ ref: `flip-middle/hostile/big:1.0`, layer })}`);
    expect(verify.status).toBe(502);
    expect(verify.body.error?.code).toBe("DIGEST_MISMATCH");
    const fine = await get(`/api/v1/modelkit/verify?${new URLSearchParams({ ref: `dist/hostile/big:1.0`, layer })}`);
    expect(fine.status).toBe(200);
    expect(fine.body).toMatchObject({ verified: true, layerDigest: layer });
  });
});

describe("a registry that claims every digest", () => {
  it("never receives another registry's cached manifest, Kitfile or file", async () => {
    const digest = world.digests["hostile/files"]!;
    expect((await file("dist", "hostile/files", "docs/README.md")).status).toBe(200);
    const kit = await get(`/api/v1/modelkit?ref=${encodeURIComponent(`claimer/any/repo@${digest}`)}`);
    expect(kit.status).not.toBe(200);
    expect(kit.text).not.toContain("hostile/files");
    const res = await file("claimer", "any/repo", "docs/README.md", digest);
    expect(res.status).not.toBe(200);
    expect(res.text).not.toContain("registry stored");
  });
});

describe("a hosted registry (ghcr.io-like)", () => {
  it("lists versions with short-lived anonymous tokens, no _catalog and tags paged by Link", async () => {
    const repos = await get("/api/v1/repositories?registry=hosted");
    expect(repos.status).toBe(200);
    const versions = await get("/api/v1/versions?repository=hosted/demo/fraud-detection");
    expect(versions.status).toBe(200);
    expect((versions.body.items as { tags: string[] }[]).flatMap((i) => i.tags).sort()).toEqual(["1.0.0", "1.1.0"]);
  });

  it("follows blob redirects to a CDN without sending Authorization, and again after the token expired", async () => {
    const first = await file("hosted", "hostile/files", "docs/README.md");
    expect(first.status).toBe(200);
    expect(first.body.text).toBe(README);
    await new Promise((r) => setTimeout(r, 2_500));
    const again = await file("hosted", "hostile/gzip", "docs/README.md");
    expect(again.status).toBe(200);
    const cdn = world.hosted.requests.filter((r) => r.path.startsWith("/blob"));
    expect(cdn.length).toBeGreaterThan(0);
    expect(cdn.every((r) => !r.auth)).toBe(true);
  });

  it("reads attestations through the referrers API, one referrer per page", async () => {
    const res = await get(`/api/v1/attestations?ref=${encodeURIComponent("hosted/demo/fraud-detection:1.1.0")}`);
    expect(res.status).toBe(200);
    const items = res.body as unknown as { status: string; source: string }[];
    expect(items.filter((a) => a.status === "verified").map((a) => a.source).sort()).toEqual(["cosign-att-tag", "referrers-api"]);
  });
});

describe("signatures in every place", () => {
  const summary = (items: { source: string; envelope: string; status: string }[]) =>
    items.map((a) => `${a.source.replace(/^(fallback-index|referrers-api)$/, "referrers")}/${a.envelope}/${a.status}`).sort();

  it.each([
    ["dist", "fallback-index"],
    ["hosted", "referrers-api"],
  ])("on %s (referrers from the %s) each signature gets its own status", async (registryName, referrerSource) => {
    const res = await get(`/api/v1/attestations?ref=${encodeURIComponent(`${registryName}/demo/churn-model:1.0.0`)}`);
    expect(res.status).toBe(200);
    const items = res.body as unknown as { source: string; envelope: string; status: string }[];
    expect(summary(items)).toEqual(EVERY_SIGNATURE);
    expect(items.filter((a) => a.source.endsWith("-index") || a.source.endsWith("-api")).every((a) => a.source === referrerSource)).toBe(true);
  });
});

describe("the server log", () => {
  it("holds no uncaught exception or unhandled rejection", () => {
    expect(app.log()).not.toMatch(/uncaughtException|unhandledRejection|Unhandled Rejection|UnhandledPromiseRejection/i);
  });
});
