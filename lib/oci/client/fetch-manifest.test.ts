import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { fetchManifest } from "@/lib/oci/client/fetch-manifest";
import { resolveManifest } from "@/lib/oci/client/resolve-manifest";
import { MANIFEST_ACCEPT, MT } from "@/lib/oci/media-types";
import { fakeFetcher } from "@/test/support/registry/fake-fetcher";

const sha = (b: Uint8Array | string) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
// Deliberately not what JSON.stringify would produce: the exact bytes must survive.
const MANIFEST = `{"schemaVersion":2,  "mediaType":"${MT.ociManifest}","config":{"mediaType":"${MT.kitConfig}","digest":"${sha("c")}","size":1},"layers":[]}`;
const DIGEST = sha(MANIFEST);

function registry(opts: { body?: string; contentType?: string; dcd?: string | null; head?: "ok" | "no-digest" | 500 } = {}) {
  const body = opts.body ?? MANIFEST;
  return fakeFetcher((req) => {
    const headers: Record<string, string> = { "content-type": opts.contentType ?? MT.ociManifest };
    const dcd = opts.dcd === undefined ? sha(body) : opts.dcd;
    if (dcd) headers["docker-content-digest"] = dcd;
    if (req.method === "HEAD") {
      if (typeof opts.head === "number") return new Response(null, { status: opts.head });
      if (opts.head === "no-digest") delete headers["docker-content-digest"];
      return new Response(null, { status: 200, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } });
    }
    return new Response(body, { status: 200, headers });
  });
}

const ctxFor = (f: ReturnType<typeof fakeFetcher>) =>
  createOciContext({ url: "http://registry.test", fetch: f.fetch, retry: { sleep: async () => {}, maxAttempts: 1 } });

describe("fetchManifest", () => {
  it("returns the exact bytes with a descriptor computed from them and sends the full Accept list", async () => {
    const f = registry();
    const m = await fetchManifest(ctxFor(f), "team/a", "v1");
    expect(new TextDecoder().decode(m.bytes)).toBe(MANIFEST);
    expect(m.descriptor).toEqual({ mediaType: MT.ociManifest, digest: DIGEST, size: Buffer.byteLength(MANIFEST) });
    expect(f.requests[0]?.headers.get("accept")).toBe(MANIFEST_ACCEPT);
  });

  it("refuses bytes that do not hash to the requested digest", async () => {
    const f = registry({ body: MANIFEST.replace("  ", " "), dcd: null });
    await expect(fetchManifest(ctxFor(f), "team/a", DIGEST)).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
  });

  it("refuses bytes that contradict Docker-Content-Digest", async () => {
    const f = registry({ dcd: sha("something else") });
    await expect(fetchManifest(ctxFor(f), "team/a", "v1")).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
  });

  it("takes the media type from the body when the server sends a generic Content-Type", async () => {
    const f = registry({ contentType: "application/octet-stream" });
    expect((await fetchManifest(ctxFor(f), "team/a", "v1")).descriptor.mediaType).toBe(MT.ociManifest);
  });

  it("refuses a manifest over the 4 MiB cap with TOO_LARGE", async () => {
    const f = fakeFetcher(() => new Response(new Uint8Array(4 * 1024 * 1024 + 1), { headers: { "content-type": MT.ociManifest } }));
    await expect(fetchManifest(ctxFor(f), "team/a", "v1")).rejects.toMatchObject({ code: "TOO_LARGE" });
  });

  it("rejects a malformed repository name or reference before any request", async () => {
    const f = registry();
    await expect(fetchManifest(ctxFor(f), "../etc", "v1")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(fetchManifest(ctxFor(f), "team/a", "v1/../x")).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(f.requests).toHaveLength(0);
  });
});

describe("resolveManifest", () => {
  it("uses HEAD alone when it carries digest, type and length", async () => {
    const f = registry();
    expect(await resolveManifest(ctxFor(f), "team/a", "v1")).toEqual({
      mediaType: MT.ociManifest,
      digest: DIGEST,
      size: Buffer.byteLength(MANIFEST),
    });
    expect(f.requests.map((r) => r.method)).toEqual(["HEAD"]);
  });

  it("falls back to a verified GET when HEAD lacks Docker-Content-Digest or fails", async () => {
    for (const head of ["no-digest", 500] as const) {
      const f = registry({ head });
      expect((await resolveManifest(ctxFor(f), "team/a", "v1")).digest).toBe(DIGEST);
      expect(f.requests.map((r) => r.method)).toEqual(["HEAD", "GET"]);
    }
  });
});
