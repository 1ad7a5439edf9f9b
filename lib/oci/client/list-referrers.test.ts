import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { listReferrers } from "@/lib/oci/client/list-referrers";
import { MT } from "@/lib/oci/media-types";
import { fakeFetcher, json } from "@/test/support/registry/fake-fetcher";

const sha = (s: string) => `sha256:${createHash("sha256").update(s).digest("hex")}`;
const SUBJECT = sha("subject");
const SIG = { mediaType: MT.ociManifest, digest: sha("sig"), size: 10, artifactType: "application/vnd.dev.cosign.artifact.sig.v1+json" };
const SBOM = { mediaType: MT.ociManifest, digest: sha("sbom"), size: 11, artifactType: "application/spdx+json" };
const index = (manifests: unknown[]) => JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests });

const ctxFor = (f: ReturnType<typeof fakeFetcher>) =>
  createOciContext({ url: "http://registry.test", fetch: f.fetch, retry: { sleep: async () => {}, maxAttempts: 1 } });

describe("listReferrers", () => {
  it("uses the referrers API when present, follows its Link pages and filters by artifactType", async () => {
    const f = fakeFetcher((_req, url) => {
      if (!url.pathname.includes("/referrers/")) return new Response(null, { status: 404 });
      const second = url.searchParams.has("page");
      return new Response(index(second ? [SBOM] : [SIG]), {
        headers: {
          "content-type": MT.ociIndex,
          ...(second ? {} : { link: `</v2/team/a/referrers/${SUBJECT}?page=2>; rel="next"` }),
        },
      });
    });
    const ctx = ctxFor(f);
    expect(await listReferrers(ctx, "team/a", SUBJECT)).toEqual([SIG, SBOM]);
    expect(await listReferrers(ctx, "team/a", SUBJECT, "application/spdx+json")).toEqual([SBOM]);
    expect(ctx.probes.referrersApi).toBe(true);
    expect(f.requests.some((r) => r.url.pathname.includes("/manifests/"))).toBe(false);
  });

  it("falls back to the sha256-<hex> tag index when the API is absent, and remembers that", async () => {
    const fallbackTag = `sha256-${SUBJECT.slice(7)}`;
    const f = fakeFetcher((_req, url) => {
      if (url.pathname === `/v2/team/a/manifests/${fallbackTag}`) {
        const body = index([SIG, SBOM]);
        return new Response(body, { headers: { "content-type": MT.ociIndex, "docker-content-digest": sha(body) } });
      }
      return json({ errors: [{ code: "NOT_FOUND" }] }, { status: 404 });
    });
    const ctx = ctxFor(f);
    expect(await listReferrers(ctx, "team/a", SUBJECT, "application/spdx+json")).toEqual([SBOM]);
    expect(f.count(/\/referrers\//)).toBe(1);
    expect(await listReferrers(ctx, "team/a", SUBJECT)).toEqual([SIG, SBOM]);
    expect(f.count(/\/referrers\//)).toBe(1); // memoised: no second API probe
    expect(ctx.probes.referrersApi).toBe(false);
  });

  it("treats a 200 that is not an index as 'no referrers API' and returns [] when no fallback tag exists", async () => {
    const f = fakeFetcher((_req, url) =>
      url.pathname.includes("/referrers/")
        ? new Response("<html>", { headers: { "content-type": "text/html" } })
        : json({ errors: [{ code: "MANIFEST_UNKNOWN" }] }, { status: 404 }),
    );
    const ctx = ctxFor(f);
    expect(await listReferrers(ctx, "team/a", SUBJECT)).toEqual([]);
    expect(ctx.probes.referrersApi).toBe(false);
  });

  it("refuses a referrer descriptor with a malformed digest", async () => {
    const f = fakeFetcher(() => new Response(index([{ ...SIG, digest: "sha256:nothex" }]), { headers: { "content-type": MT.ociIndex } }));
    await expect(listReferrers(ctxFor(f), "team/a", SUBJECT)).rejects.toMatchObject({ code: "MALFORMED_CONTENT" });
  });
});
