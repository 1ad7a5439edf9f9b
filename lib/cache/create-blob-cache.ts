import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createWriteStream } from "node:fs";
import { mkdir, open, readdir, readFile, rename, rm, stat, utimes, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline, Readable } from "node:stream";
import { pipeline as pipelineAsync } from "node:stream/promises";
import { AppError } from "@/lib/errors";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { parseDigest } from "@/lib/oci/digest/parse-digest";
import { MAX_MANIFEST_BYTES } from "@/lib/oci/limits";
import type { ByteRange, Descriptor, FetchedManifest } from "@/lib/oci/types";
import { createVerifyingStream } from "@/lib/registry/layout/create-verifying-stream";
import type { BlobCache, BlobCacheStats } from "./types";

/** Evict down to this share of maxBytes so that one write over the bound does not trigger an eviction scan per write. */
const EVICT_TO_RATIO = 0.9;

/**
 * Opens (creating) a cache directory: `blobs/<alg>/<hex>`, `manifests/<alg>/<hex>` (+ `.json` descriptor),
 * `tmp/` for writes in progress. Everything stored was hashed on the way in; evicts least recently used
 * entries (mtime, refreshed on every hit) when the total passes `maxBytes`.
 */
export function createBlobCache(options: { dir: string; maxBytes: number }): BlobCache {
  if (typeof options?.dir !== "string" || !options.dir) throw new TypeError("createBlobCache: dir is required");
  if (!Number.isSafeInteger(options.maxBytes) || options.maxBytes <= 0) {
    throw new TypeError("createBlobCache: maxBytes must be a positive integer");
  }
  const dir = path.resolve(options.dir);
  const maxBytes = options.maxBytes;
  const stats: BlobCacheStats = {
    blobHits: 0,
    blobMisses: 0,
    manifestHits: 0,
    manifestMisses: 0,
    evictions: 0,
    blobsStored: 0,
    rejectedWrites: 0,
  };
  let total: number | null = null;
  let evicting: Promise<void> | null = null;

  const fileOf = (kind: "blobs" | "manifests", digest: string) => {
    const d = parseDigest(digest);
    return path.join(dir, kind, d.algorithm, d.hex);
  };

  /**
   * Provenance: one empty-ish marker per (scope, digest) the bytes were verified from, beside the shared
   * content. Markers are created atomically (no read-modify-write), so replicas sharing the volume cannot
   * lose each other's, and a marker without content reads as a miss.
   */
  const scopeFile = (digest: string, scope: string) => {
    const d = parseDigest(digest);
    return path.join(dir, "scopes", d.algorithm, d.hex, createHash("sha256").update(scope).digest("hex").slice(0, 40));
  };

  async function hasScope(digest: string, scope: string): Promise<boolean> {
    try {
      await stat(scopeFile(digest, scope));
      return true;
    } catch {
      return false;
    }
  }

  async function addScope(digest: string, scope: string): Promise<void> {
    const file = scopeFile(digest, scope);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, scope);
  }

  async function dropScopes(file: string): Promise<void> {
    const [kind, alg, hex] = file.split(path.sep).slice(-3);
    if (!kind || !alg || !hex) return;
    // a digest may be cached both as blob and as manifest; markers go when neither copy is left
    const other = path.join(dir, kind === "blobs" ? "manifests" : "blobs", alg, hex);
    if (await stat(other).then(() => true, () => false)) return;
    await rm(path.join(dir, "scopes", alg, hex), { recursive: true, force: true });
  }

  async function tmpFile(): Promise<string> {
    await mkdir(path.join(dir, "tmp"), { recursive: true });
    return path.join(dir, "tmp", `${process.pid}-${randomBytes(8).toString("hex")}`);
  }

  async function listEntries(): Promise<Array<{ file: string; size: number; mtimeMs: number }>> {
    const out: Array<{ file: string; size: number; mtimeMs: number }> = [];
    for (const kind of ["blobs", "manifests"]) {
      for (const alg of ["sha256", "sha512"]) {
        const sub = path.join(/* turbopackIgnore: true */ dir, kind, alg);
        let names: string[];
        try {
          names = await readdir(/* turbopackIgnore: true */ sub);
        } catch {
          continue;
        }
        for (const name of names) {
          if (name.endsWith(".json")) continue; // a manifest's descriptor sidecar: tiny, removed with its manifest
          try {
            const st = await stat(/* turbopackIgnore: true */ path.join(/* turbopackIgnore: true */ sub, name));
            if (st.isFile()) out.push({ file: path.join(/* turbopackIgnore: true */ sub, name), size: st.size, mtimeMs: st.mtimeMs });
          } catch {
            // removed by a concurrent eviction
          }
        }
      }
    }
    return out;
  }

  /** `keep` is the entry just written: whatever the clock granularity, it is the most recently used. */
  async function added(bytes: number, keep: string): Promise<void> {
    if (total === null) total = (await listEntries()).reduce((s, e) => s + e.size, 0);
    else total += bytes;
    if (total > maxBytes && !evicting) {
      evicting = evict(keep).finally(() => {
        evicting = null;
      });
    }
    if (evicting) await evicting;
  }

  async function evict(keep: string): Promise<void> {
    const entries = (await listEntries()).sort((a, b) => a.mtimeMs - b.mtimeMs);
    let sum = entries.reduce((s, e) => s + e.size, 0);
    const target = Math.floor(maxBytes * EVICT_TO_RATIO);
    for (const e of entries) {
      if (sum <= target) break;
      if (e.file === keep) continue;
      await rm(e.file, { force: true });
      if (e.file.includes(`${path.sep}manifests${path.sep}`)) await rm(`${e.file}.json`, { force: true });
      await dropScopes(e.file);
      sum -= e.size;
      stats.evictions++;
    }
    total = sum;
  }

  function touch(file: string): void {
    const now = new Date();
    utimes(file, now, now).catch(() => {});
  }

  async function openBlob(desc: Pick<Descriptor, "digest" | "size">, range?: ByteRange): Promise<Readable | null> {
    const file = fileOf("blobs", desc.digest);
    let fh;
    try {
      fh = await open(file, "r");
    } catch {
      return null;
    }
    const { size } = await fh.stat();
    if (size !== desc.size) {
      // A descriptor with the wrong size for this digest: not ours to serve (and not our entry to delete).
      await fh.close();
      return null;
    }
    touch(file);
    if (range) {
      if (range.start < 0 || range.end < range.start || (size > 0 && range.start >= size)) {
        await fh.close();
        throw new AppError("BAD_REQUEST", `range ${range.start}-${range.end} is not satisfiable for ${size} bytes`);
      }
      if (size === 0) {
        await fh.close();
        return Readable.from([]);
      }
      return fh.createReadStream({ start: range.start, end: Math.min(range.end, size - 1) });
    }
    const verifier = createVerifyingStream(desc, "cached blob");
    pipeline(fh.createReadStream(), verifier, (err) => {
      // Bytes changed on disk since they were verified: drop the entry so the next read refetches.
      if (err && (err as AppError).code === "DIGEST_MISMATCH") rm(file, { force: true }).catch(() => {});
    });
    return verifier;
  }

  async function readBlobBytes(desc: Pick<Descriptor, "digest" | "size">): Promise<Buffer | null> {
    const file = fileOf("blobs", desc.digest);
    let bytes: Buffer;
    try {
      const st = await stat(file);
      if (st.size !== desc.size) return null;
      bytes = await readFile(file);
    } catch {
      return null;
    }
    // hashed again before use: another replica, an operator or a failing disk may have changed the file
    if (bytes.length !== desc.size || computeDigest(bytes, parseDigest(desc.digest).algorithm) !== desc.digest) {
      await rm(file, { force: true });
      return null;
    }
    touch(file);
    return bytes;
  }

  async function writeBlobBytes(desc: Pick<Descriptor, "digest" | "size">, bytes: Uint8Array): Promise<void> {
    if (!accepts(bytes.length)) return;
    if (bytes.length !== desc.size || computeDigest(bytes, parseDigest(desc.digest).algorithm) !== desc.digest) {
      stats.rejectedWrites++;
      throw new AppError("DIGEST_MISMATCH", `blob bytes do not match ${desc.digest}`);
    }
    const final = fileOf("blobs", desc.digest);
    const tmp = await tmpFile();
    try {
      await writeFile(tmp, bytes, { flag: "wx" });
      await mkdir(path.dirname(final), { recursive: true });
      await rename(tmp, final);
    } catch (e) {
      await rm(tmp, { force: true });
      throw e;
    }
    stats.blobsStored++;
    await added(bytes.length, final);
  }

  async function writeBlob(desc: Pick<Descriptor, "digest" | "size">, content: Readable): Promise<void> {
    const final = fileOf("blobs", desc.digest);
    const tmp = await tmpFile();
    try {
      await pipelineAsync(content, createVerifyingStream(desc, "blob"), createWriteStream(tmp, { flags: "wx" }));
      await mkdir(path.dirname(final), { recursive: true });
      await rename(tmp, final);
    } catch (e) {
      await rm(tmp, { force: true });
      if ((e as AppError).code === "DIGEST_MISMATCH") stats.rejectedWrites++;
      throw e;
    }
    stats.blobsStored++;
    await added(desc.size, final);
  }

  async function readManifest(digest: string): Promise<FetchedManifest | null> {
    const file = fileOf("manifests", digest);
    let bytes: Buffer;
    let descriptor: Descriptor;
    try {
      bytes = await readFile(file);
      descriptor = JSON.parse(await readFile(`${file}.json`, "utf8"));
    } catch {
      return null;
    }
    if (computeDigest(bytes, parseDigest(digest).algorithm) !== digest || descriptor?.digest !== digest) {
      await rm(file, { force: true });
      return null;
    }
    touch(file);
    return { descriptor, bytes: new Uint8Array(bytes) };
  }

  async function writeManifest(manifest: FetchedManifest): Promise<void> {
    const { descriptor, bytes } = manifest;
    if (bytes.length > MAX_MANIFEST_BYTES || !accepts(bytes.length)) return;
    if (computeDigest(bytes, parseDigest(descriptor.digest).algorithm) !== descriptor.digest) {
      stats.rejectedWrites++;
      throw new AppError("DIGEST_MISMATCH", `manifest bytes do not match ${descriptor.digest}`);
    }
    const final = fileOf("manifests", descriptor.digest);
    await mkdir(path.dirname(final), { recursive: true });
    // Sidecar first: a manifest file without its descriptor would read as a miss, never as a wrong type.
    const tmpMeta = await tmpFile();
    await writeFile(tmpMeta, JSON.stringify(descriptor));
    await rename(tmpMeta, `${final}.json`);
    const tmp = await tmpFile();
    await writeFile(tmp, bytes);
    await rename(tmp, final);
    await added(bytes.length, final);
  }

  function accepts(size: number): boolean {
    return size <= maxBytes;
  }

  return { dir, maxBytes, stats, accepts, openBlob, writeBlob, readBlobBytes, writeBlobBytes, readManifest, writeManifest, hasScope, addScope };
}
