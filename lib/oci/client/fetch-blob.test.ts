import { createHash } from "node:crypto";
import { buffer } from "node:stream/consumers";
import { describe, expect, it } from "vitest";
import { createOciContext } from "@/lib/oci/client/create-oci-context";
import { fetchBlob } from "@/lib/oci/client/fetch-blob";
import { fakeFetcher } from "@/test/support/registry/fake-fetcher";

const sha = (b: Uint8Array | string) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const BLOB = Buffer.from(Array.from({ length: 200_000 }, (_, i) => i % 251));
const DESC = { digest: sha(BLOB), size: BLOB.byteLength };

/** Serves `served` in 1 KiB chunks; honours Range unless told not to; counts chunks actually pulled. */
function blobServer(served: Buffer, opts: { honourRange?: boolean } = {}) {
  const stats = { chunksPulled: 0 };
  const f = fakeFetcher((req) => {
    const m = /^bytes=(\d+)-(\d+)$/.exec(req.headers.get("range") ?? "");
    if (m && opts.honourRange) {
      const [s, e] = [Number(m[1]), Number(m[2])];
      return new Response(new Uint8Array(served.subarray(s, e + 1)), {
        status: 206,
        headers: { "content-range": `bytes ${s}-${e}/${served.byteLength}` },
      });
    }
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(c) {
        if (offset >= served.byteLength) return c.close();
        stats.chunksPulled++;
        c.enqueue(served.subarray(offset, offset + 1024));
        offset += 1024;
      },
    });
    return new Response(stream, { status: 200 });
  });
  return { f, stats };
}

const ctxFor = (f: ReturnType<typeof fakeFetcher>) =>
  createOciContext({ url: "http://registry.test", fetch: f.fetch, retry: { sleep: async () => {}, maxAttempts: 1 } });

describe("fetchBlob", () => {
  it("streams a blob that matches its descriptor", async () => {
    const { f } = blobServer(BLOB);
    expect((await buffer(await fetchBlob(ctxFor(f), "team/a", DESC))).equals(BLOB)).toBe(true);
  });

  it("errors the stream with DIGEST_MISMATCH when the bytes hash differently", async () => {
    const bad = Buffer.from(BLOB);
    bad[150_000] = (bad[150_000] ?? 0) ^ 1;
    const { f } = blobServer(bad);
    const stream = await fetchBlob(ctxFor(f), "team/a", DESC);
    let ended = false;
    stream.on("end", () => (ended = true));
    await expect(buffer(stream)).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
    expect(ended).toBe(false);
  });

  it("errors the stream when the blob is shorter or longer than the descriptor says", async () => {
    const short = blobServer(BLOB.subarray(0, 1000)).f;
    await expect(buffer(await fetchBlob(ctxFor(short), "team/a", DESC))).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
    const long = blobServer(Buffer.concat([BLOB, Buffer.from("extra")])).f;
    await expect(buffer(await fetchBlob(ctxFor(long), "team/a", DESC))).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
  });

  it("reads a Range with 206 when the registry honours it", async () => {
    const { f } = blobServer(BLOB, { honourRange: true });
    const got = await buffer(await fetchBlob(ctxFor(f), "team/a", DESC, { start: 10, end: 19 }));
    expect(got.equals(BLOB.subarray(10, 20))).toBe(true);
    expect(f.requests[0]?.headers.get("range")).toBe("bytes=10-19");
  });

  it("slices the wanted bytes when the registry ignores Range, without reading the rest", async () => {
    const { f, stats } = blobServer(BLOB, { honourRange: false });
    const ctx = ctxFor(f);
    const got = await buffer(await fetchBlob(ctx, "team/a", DESC, { start: 1500, end: 4499 }));
    expect(got.equals(BLOB.subarray(1500, 4500))).toBe(true);
    // 196 chunks in the blob; only the ones up to byte 4499 (plus stream read-ahead) were pulled.
    expect(stats.chunksPulled).toBeLessThan(50);
    expect(ctx.probes.range).toBe(false);
  });

  it("refuses a range outside the blob with BAD_REQUEST", async () => {
    const { f } = blobServer(BLOB);
    await expect(fetchBlob(ctxFor(f), "team/a", DESC, { start: 0, end: BLOB.byteLength })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
