import { createHash } from "node:crypto";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { RegistrySource } from "@/lib/registry/types";
import { createBlobCache } from "./create-blob-cache";
import { withBlobCache } from "./with-blob-cache";

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "kitgate-cache-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;
const blobOf = (text: string) => {
  const bytes = Buffer.from(text);
  return { bytes, desc: { digest: sha(bytes), size: bytes.length } };
};

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString();
}

/** An upstream that counts requests; `corrupt` makes it send other bytes than asked for (unverified). */
function fakeSource(blobs: Map<string, Buffer>, opts: { corrupt?: boolean; gate?: Promise<void> } = {}) {
  const counts = { blob: 0, manifest: 0 };
  const source: RegistrySource = {
    name: "fake",
    kind: "remote",
    capabilities: { catalog: true, referrersApi: false, tagPagination: true, range: true },
    listRepositories: async () => ({ items: [], next: null }),
    listTags: async () => ({ items: [], next: null }),
    resolve: async (_r, ref) => ({ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: ref, size: 2 }),
    async getManifest(_repo, reference) {
      counts.manifest++;
      const bytes = blobs.get(reference)!;
      return { descriptor: { mediaType: "application/vnd.oci.image.manifest.v1+json", digest: sha(bytes), size: bytes.length }, bytes };
    },
    async getBlob(_repo, desc, range) {
      counts.blob++;
      if (opts.gate) await opts.gate;
      const bytes = blobs.get(desc.digest);
      if (!bytes) throw new AppError("NOT_FOUND", "no blob");
      if (range) return Readable.from([bytes.subarray(range.start, range.end + 1)]);
      return Readable.from([opts.corrupt ? Buffer.from(bytes.toString().toUpperCase()) : bytes]);
    },
    listReferrers: async () => [],
    putManifest: async () => {
      throw new Error("unused");
    },
  };
  return { source, counts };
}

describe("withBlobCache", () => {
  it("serves the second read from disk with no upstream request", async () => {
    const a = blobOf("model weights ".repeat(100));
    const { source, counts } = fakeSource(new Map([[a.desc.digest, a.bytes]]));
    const cache = createBlobCache({ dir, maxBytes: 1_000_000 });
    const cached = withBlobCache(source, cache);
    expect(await readAll(await cached.getBlob("r", a.desc))).toBe(a.bytes.toString());
    expect(counts.blob).toBe(1);
    expect(await readAll(await cached.getBlob("r", a.desc))).toBe(a.bytes.toString());
    expect(await readAll(await cached.getBlob("r", a.desc, { start: 0, end: 4 }))).toBe("model");
    expect(counts.blob).toBe(1);
    expect(cache.stats).toMatchObject({ blobHits: 2, blobMisses: 1, blobsStored: 1 });
  });

  it("passes ranges through on a miss without caching a partial blob", async () => {
    const a = blobOf("0123456789");
    const { source, counts } = fakeSource(new Map([[a.desc.digest, a.bytes]]));
    const cache = createBlobCache({ dir, maxBytes: 1_000_000 });
    const cached = withBlobCache(source, cache);
    expect(await readAll(await cached.getBlob("r", a.desc, { start: 2, end: 4 }))).toBe("234");
    await readAll(await cached.getBlob("r", a.desc, { start: 2, end: 4 }));
    expect(counts.blob).toBe(2);
    expect(cache.stats.blobsStored).toBe(0);
  });

  it("never lets corrupted upstream bytes into the cache", async () => {
    const a = blobOf("genuine content");
    const { source, counts } = fakeSource(new Map([[a.desc.digest, a.bytes]]), { corrupt: true });
    const cache = createBlobCache({ dir, maxBytes: 1_000_000 });
    const cached = withBlobCache(source, cache);
    // verified before a single byte is handed out: the read fails before there is a stream to read
    await expect(cached.getBlob("r", a.desc)).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
    await expect(cached.getBlob("r", a.desc)).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
    expect(counts.blob).toBe(2);
    expect(cache.stats).toMatchObject({ blobsStored: 0, rejectedWrites: 2 });
    const files = await readdir(path.join(dir, "blobs", "sha256")).catch(() => []);
    expect(files).toEqual([]);
    expect(await readdir(path.join(dir, "tmp")).catch(() => [])).toEqual([]);
  });

  it("fetches once when the same digest misses concurrently", async () => {
    const a = blobOf("shared layer ".repeat(1000));
    let open!: () => void;
    const gate = new Promise<void>((r) => (open = r));
    const { source, counts } = fakeSource(new Map([[a.desc.digest, a.bytes]]), { gate });
    const cached = withBlobCache(source, createBlobCache({ dir, maxBytes: 1_000_000 }));
    const reads = Promise.all([1, 2, 3, 4].map(async () => readAll(await cached.getBlob("r", a.desc))));
    open();
    expect(new Set(await reads)).toEqual(new Set([a.bytes.toString()]));
    expect(counts.blob).toBe(1);
  });

  it("evicts least recently used blobs when over maxBytes", async () => {
    const blobs = ["a", "b", "c"].map((c) => blobOf(c.repeat(400)));
    const { source, counts } = fakeSource(new Map(blobs.map((b) => [b.desc.digest, b.bytes])));
    const cache = createBlobCache({ dir, maxBytes: 1000 });
    const cached = withBlobCache(source, cache);
    await readAll(await cached.getBlob("r", blobs[0]!.desc));
    await readAll(await cached.getBlob("r", blobs[1]!.desc));
    await readAll(await cached.getBlob("r", blobs[2]!.desc)); // 1200 bytes > 1000: the oldest goes
    expect(cache.stats.evictions).toBeGreaterThanOrEqual(1);
    const stored = await readdir(path.join(dir, "blobs", "sha256"));
    expect(stored.length * 400).toBeLessThanOrEqual(1000);
    expect(stored).toContain(blobs[2]!.desc.digest.slice(7));
    const before = counts.blob;
    await readAll(await cached.getBlob("r", blobs[2]!.desc));
    expect(counts.blob).toBe(before);
  });

  it("does not cache a blob larger than the whole cache", async () => {
    const a = blobOf("x".repeat(2000));
    const { source, counts } = fakeSource(new Map([[a.desc.digest, a.bytes]]));
    const cached = withBlobCache(source, createBlobCache({ dir, maxBytes: 1000 }));
    await readAll(await cached.getBlob("r", a.desc));
    await readAll(await cached.getBlob("r", a.desc));
    expect(counts.blob).toBe(2);
  });

  it("caches manifests fetched by digest but always resolves tags upstream", async () => {
    const m = Buffer.from('{"schemaVersion":2}');
    const digest = sha(m);
    const { source, counts } = fakeSource(new Map([[digest, m], ["v1", m]]));
    const cache = createBlobCache({ dir, maxBytes: 1_000_000 });
    const cached = withBlobCache(source, cache);
    await cached.getManifest("r", digest);
    const again = await cached.getManifest("r", digest);
    expect(Buffer.from(again.bytes).equals(m)).toBe(true);
    expect(again.descriptor.digest).toBe(digest);
    await cached.getManifest("r", "v1");
    await cached.getManifest("r", "v1");
    expect(counts.manifest).toBe(3);
    expect(cache.stats).toMatchObject({ manifestHits: 1, manifestMisses: 1 });
  });

  describe("provenance: a hit is served only where the bytes were verified from", () => {
    it("does not hand registry A's cached blob or manifest to registry B, which merely claims the digest", async () => {
      const blob = blobOf("registry A's private weights");
      const manifest = Buffer.from('{"schemaVersion":2,"registry":"A"}');
      const a = fakeSource(new Map([[blob.desc.digest, blob.bytes], [sha(manifest), manifest]]));
      // B answers every digest with something else (a HEAD-200-everything registry has no real content)
      const b = fakeSource(new Map([[blob.desc.digest, Buffer.from("B's bytes, other content")], [sha(manifest), Buffer.from("{}")]]));
      const cache = createBlobCache({ dir, maxBytes: 1_000_000 });
      const fromA = withBlobCache(a.source, cache, { scope: "A" });
      const fromB = withBlobCache(b.source, cache, { scope: "B" });
      expect(await readAll(await fromA.getBlob("team/x", blob.desc))).toBe(blob.bytes.toString());
      await fromA.getManifest("team/x", sha(manifest));

      await expect(fromB.getBlob("any/repo", blob.desc)).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
      await expect(fromB.getManifest("any/repo", sha(manifest))).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
      expect(b.counts).toEqual({ blob: 1, manifest: 1 });
    });

    it("another repository of the same registry is verified upstream once, then served from the shared copy", async () => {
      const blob = blobOf("a layer pushed to two repositories");
      const { source, counts } = fakeSource(new Map([[blob.desc.digest, blob.bytes]]));
      const cached = withBlobCache(source, createBlobCache({ dir, maxBytes: 1_000_000 }), { scope: "A" });
      await readAll(await cached.getBlob("team/one", blob.desc));
      await readAll(await cached.getBlob("team/two", blob.desc));
      await readAll(await cached.getBlob("team/two", blob.desc));
      await readAll(await cached.getBlob("team/one", blob.desc));
      expect(counts.blob).toBe(2);
    });

    it("re-verifies a cached file before use: bytes changed on disk are refetched, never served", async () => {
      const blob = blobOf("content verified once");
      const { source, counts } = fakeSource(new Map([[blob.desc.digest, blob.bytes]]));
      const cached = withBlobCache(source, createBlobCache({ dir, maxBytes: 1_000_000 }), { scope: "A" });
      await readAll(await cached.getBlob("r", blob.desc));
      const file = path.join(dir, "blobs", "sha256", blob.desc.digest.slice(7));
      const { writeFile } = await import("node:fs/promises");
      await writeFile(file, Buffer.from(blob.bytes.toString().replace("once", "ONCE")));
      expect(await readAll(await cached.getBlob("r", blob.desc))).toBe(blob.bytes.toString());
      expect(counts.blob).toBe(2);
    });
  });

  it("forgets a failed fetch: the next read goes upstream again instead of waiting on it", async () => {
    const blob = blobOf("flaky upstream");
    let fail = true;
    const { source, counts } = fakeSource(new Map([[blob.desc.digest, blob.bytes]]));
    const inner = source.getBlob.bind(source);
    source.getBlob = async (repo, desc, range) => {
      if (fail) {
        fail = false;
        counts.blob++;
        throw new AppError("UPSTREAM_TIMEOUT", "registry fake did not answer");
      }
      return inner(repo, desc, range);
    };
    const cached = withBlobCache(source, createBlobCache({ dir, maxBytes: 1_000_000 }));
    await expect(cached.getBlob("r", blob.desc)).rejects.toMatchObject({ code: "UPSTREAM_TIMEOUT" });
    expect(await readAll(await cached.getBlob("r", blob.desc))).toBe(blob.bytes.toString());
    expect(counts.blob).toBe(2);
  });
});
