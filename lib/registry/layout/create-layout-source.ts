import "server-only";
import { randomBytes } from "node:crypto";
import { constants as fsConstants } from "node:fs";
import { access, copyFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { pipeline, Readable } from "node:stream";
import { AppError } from "@/lib/errors";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { parseDigest } from "@/lib/oci/digest/parse-digest";
import { MAX_MANIFEST_BYTES } from "@/lib/oci/limits";
import { MT } from "@/lib/oci/media-types";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import type { ByteRange, Descriptor, FetchedManifest, ImageIndex, Page } from "@/lib/oci/types";
import type { RegistrySource } from "@/lib/registry/types";
import { createVerifyingStream } from "./create-verifying-stream";

/** index.json holds one ~300-byte descriptor per tag; 32 MiB is ~100k tags, more than any real repository. */
const MAX_INDEX_BYTES = 32 * 1024 * 1024;
/** Directories visited while listing repositories: a huge or looping tree must not pin the server. */
const MAX_WALK_DIRS = 100_000;
/** Repository names are at most 255 characters, so no legitimate repository is nested deeper than this. */
const MAX_WALK_DEPTH = 64;
/** Manifests read per listReferrers call when scanning for `subject`: bounds the work on a repository with many tags. */
const MAX_REFERRER_SCAN = 2_000;
const DEFAULT_PAGE_SIZE = 100;
/** Larger pages gain nothing for a UI and make one request arbitrarily expensive. */
const MAX_PAGE_SIZE = 1_000;

const REF_NAME = "org.opencontainers.image.ref.name";
// distribution spec tag grammar
const TAG_RE = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const MANIFEST_TYPES = new Set<string>([MT.ociManifest, MT.ociIndex, MT.dockerManifest, MT.dockerManifestList]);
const OCI_LAYOUT_FILE = JSON.stringify({ imageLayoutVersion: "1.0.0" });

export interface LayoutSource extends RegistrySource {
  readonly kind: "oci-layout";
  /** absolute directory holding one OCI image layout per repository */
  readonly root: string;
  /** stores `bytes` as a blob of `repo` (creating the layout if needed); no tag, no index entry */
  putBlob(repo: string, bytes: Uint8Array): Promise<{ digest: string; size: number }>;
}

/**
 * A registry over a directory with one OCI image layout per repository: `<root>/<repo>/oci-layout`,
 * `index.json` (tags as `org.opencontainers.image.ref.name`), `blobs/<alg>/<hex>`. That is what
 * `skopeo copy oci:<root>/<repo>:<tag> …` and `oras` read and write, so the store is portable.
 */
export function createLayoutSource(options: { name: string; root: string }): LayoutSource {
  if (typeof options?.name !== "string" || !options.name) throw new TypeError("createLayoutSource: name is required");
  if (typeof options.root !== "string" || !options.root) throw new TypeError("createLayoutSource: root is required");
  const name = options.name;
  const root = path.resolve(options.root);
  const locks = new Map<string, Promise<unknown>>();

  function repoDir(repo: string): string {
    assertRepositoryName(repo);
    const dir = path.resolve(root, ...repo.split("/"));
    // The grammar already forbids `..` and absolute names; this is the belt to that pair of braces.
    if (!dir.startsWith(root + path.sep)) throw new AppError("BAD_REQUEST", `invalid repository name: ${repo}`);
    return dir;
  }

  function blobPath(dir: string, digest: string, code: "BAD_REQUEST" | "MALFORMED_CONTENT" = "BAD_REQUEST"): string {
    const d = parseDigest(digest, code);
    return path.join(dir, "blobs", d.algorithm, d.hex);
  }

  async function readIndex(repo: string): Promise<Descriptor[]> {
    const dir = repoDir(repo);
    try {
      await access(path.join(dir, "oci-layout"), fsConstants.R_OK);
    } catch {
      throw new AppError("NOT_FOUND", `repository not found: ${repo}`);
    }
    let text: string;
    try {
      const file = path.join(dir, "index.json");
      if ((await stat(file)).size > MAX_INDEX_BYTES) {
        throw new AppError("TOO_LARGE", `${repo}/index.json is larger than ${MAX_INDEX_BYTES} bytes`);
      }
      text = await readFile(file, "utf8");
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw e;
    }
    let index: unknown;
    try {
      index = JSON.parse(text);
    } catch (cause) {
      throw new AppError("MALFORMED_CONTENT", `${repo}/index.json is not JSON`, { cause });
    }
    const manifests = (index as ImageIndex | null)?.manifests;
    if (!Array.isArray(manifests)) throw new AppError("MALFORMED_CONTENT", `${repo}/index.json has no manifests list`);
    return manifests.map((m) => checkDescriptor(m, `${repo}/index.json`));
  }

  async function readVerified(repo: string, desc: Pick<Descriptor, "digest" | "size">, cap: number): Promise<Uint8Array> {
    const file = blobPath(repoDir(repo), desc.digest, "MALFORMED_CONTENT");
    if (desc.size > cap) throw new AppError("TOO_LARGE", `${desc.digest} is larger than ${cap} bytes`);
    let bytes: Buffer;
    try {
      const fh = await open(file, "r");
      try {
        if ((await fh.stat()).size > cap) throw new AppError("TOO_LARGE", `${desc.digest} is larger than ${cap} bytes`);
        bytes = await fh.readFile();
      } finally {
        await fh.close();
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", `blob not found: ${repo}@${desc.digest}`);
      throw e;
    }
    const actual = computeDigest(bytes, parseDigest(desc.digest).algorithm);
    if (actual !== desc.digest || bytes.length !== desc.size) {
      throw new AppError("DIGEST_MISMATCH", `${repo}@${desc.digest}: stored bytes hash to ${actual} (${bytes.length} bytes)`);
    }
    return bytes;
  }

  async function resolve(repo: string, reference: string): Promise<Descriptor> {
    const entries = await readIndex(repo);
    if (reference.includes(":")) {
      const digest = parseDigest(reference).digest;
      const found = entries.find((e) => e.digest === digest);
      if (found) return publicDescriptor(found);
      // Children of an index (kit index entries, multi-arch images) are blobs without an index.json entry.
      const file = blobPath(repoDir(repo), digest);
      let size: number;
      try {
        size = (await stat(file)).size;
      } catch {
        throw new AppError("NOT_FOUND", `manifest not found: ${repo}@${digest}`);
      }
      const bytes = await readVerified(repo, { digest, size }, MAX_MANIFEST_BYTES);
      return describeManifest(bytes, digest);
    }
    if (!TAG_RE.test(reference)) throw new AppError("BAD_REQUEST", `invalid tag: ${JSON.stringify(reference.slice(0, 140))}`);
    const found = entries.findLast((e) => e.annotations?.[REF_NAME] === reference);
    if (!found) throw new AppError("NOT_FOUND", `tag not found: ${repo}:${reference}`);
    return publicDescriptor(found);
  }

  async function getManifest(repo: string, reference: string): Promise<FetchedManifest> {
    const descriptor = await resolve(repo, reference);
    const bytes = await readVerified(repo, descriptor, MAX_MANIFEST_BYTES);
    return { descriptor, bytes };
  }

  async function getBlob(repo: string, desc: Pick<Descriptor, "digest" | "size">, range?: ByteRange): Promise<Readable> {
    const file = blobPath(repoDir(repo), desc.digest);
    let fh;
    try {
      // No symlinks at the blob itself: a range read is not hashed, so it must not be pointed elsewhere.
      fh = await open(file, fsConstants.O_RDONLY | fsConstants.O_NOFOLLOW);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") throw new AppError("NOT_FOUND", `blob not found: ${repo}@${desc.digest}`);
      if ((e as NodeJS.ErrnoException).code === "ELOOP") {
        throw new AppError("MALFORMED_CONTENT", `blob ${repo}@${desc.digest} is a symbolic link; refusing to follow it`);
      }
      throw e;
    }
    const { size } = await fh.stat();
    if (size !== desc.size) {
      await fh.close();
      throw new AppError("DIGEST_MISMATCH", `${repo}@${desc.digest}: stored blob has ${size} bytes, descriptor says ${desc.size}`);
    }
    if (range) {
      const { start, end } = checkRange(range, size);
      if (size === 0) {
        await fh.close();
        return Readable.from([]);
      }
      return fh.createReadStream({ start, end });
    }
    const verifier = createVerifyingStream(desc);
    pipeline(fh.createReadStream(), verifier, () => {});
    return verifier;
  }

  async function listReferrers(repo: string, digest: string, artifactType?: string): Promise<Descriptor[]> {
    const subject = parseDigest(digest).digest;
    const entries = await readIndex(repo);
    const found = new Map<string, Descriptor>();
    for (const entry of entries.slice(0, MAX_REFERRER_SCAN)) {
      if (entry.mediaType !== MT.ociManifest && entry.mediaType !== MT.ociIndex) continue;
      let manifest: Record<string, unknown>;
      try {
        manifest = JSON.parse(Buffer.from(await readVerified(repo, entry, MAX_MANIFEST_BYTES)).toString("utf8"));
      } catch {
        continue; // one broken manifest must not hide the referrers of every other one
      }
      if ((manifest.subject as Descriptor | undefined)?.digest !== subject) continue;
      const type = (manifest.artifactType as string | undefined) ?? (manifest.config as Descriptor | undefined)?.mediaType;
      found.set(entry.digest, {
        mediaType: entry.mediaType,
        digest: entry.digest,
        size: entry.size,
        ...(type ? { artifactType: type } : {}),
        ...(isStringMap(manifest.annotations) ? { annotations: manifest.annotations } : {}),
      });
    }
    // OCI 1.1 referrers tag schema: `<alg>-<hex>` names an index listing the referrers.
    const fallbackTag = subject.replace(":", "-").slice(0, 128);
    const fallback = entries.findLast((e) => e.annotations?.[REF_NAME] === fallbackTag);
    if (fallback && fallback.mediaType === MT.ociIndex) {
      const index = JSON.parse(Buffer.from(await readVerified(repo, fallback, MAX_MANIFEST_BYTES)).toString("utf8"));
      for (const m of Array.isArray(index?.manifests) ? index.manifests : []) {
        const d = checkDescriptor(m, `${repo}:${fallbackTag}`);
        if (!found.has(d.digest)) found.set(d.digest, d);
      }
    }
    const all = [...found.values()];
    return artifactType ? all.filter((d) => d.artifactType === artifactType) : all;
  }

  async function ensureLayout(dir: string): Promise<void> {
    await mkdir(path.join(dir, "blobs"), { recursive: true });
    const marker = path.join(dir, "oci-layout");
    try {
      await access(marker);
    } catch {
      await writeAtomic(marker, OCI_LAYOUT_FILE);
    }
  }

  async function putBlob(repo: string, bytes: Uint8Array): Promise<{ digest: string; size: number }> {
    const dir = repoDir(repo);
    await ensureLayout(dir);
    const digest = computeDigest(bytes);
    const file = blobPath(dir, digest);
    try {
      await access(file);
    } catch {
      await mkdir(path.dirname(file), { recursive: true });
      await writeAtomic(file, bytes);
    }
    return { digest, size: bytes.length };
  }

  /** The layout's "mount": a verified copy of the blob file between two repositories of the same root. */
  async function mountBlob(repo: string, fromRepo: string, desc: Pick<Descriptor, "digest" | "size">): Promise<boolean> {
    const dir = repoDir(repo);
    const file = blobPath(dir, desc.digest);
    try {
      await access(file);
      return true;
    } catch {
      // not there yet: copy below
    }
    const from = blobPath(repoDir(fromRepo), desc.digest);
    await ensureLayout(dir);
    await mkdir(path.dirname(file), { recursive: true });
    const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
    await copyFile(from, tmp);
    if ((await stat(tmp)).size !== desc.size) {
      await rm(tmp, { force: true });
      throw new AppError("DIGEST_MISMATCH", `blob ${desc.digest} in ${fromRepo} has the wrong size`);
    }
    await rename(tmp, file);
    return true;
  }

  async function putManifest(repo: string, reference: string, bytes: Uint8Array, mediaType: string): Promise<Descriptor> {
    if (!MANIFEST_TYPES.has(mediaType)) throw new AppError("BAD_REQUEST", `unsupported manifest media type: ${mediaType}`);
    if (bytes.length > MAX_MANIFEST_BYTES) throw new AppError("TOO_LARGE", `manifest is larger than ${MAX_MANIFEST_BYTES} bytes`);
    const isDigest = reference.includes(":");
    if (!isDigest && !TAG_RE.test(reference)) throw new AppError("BAD_REQUEST", `invalid tag: ${JSON.stringify(reference.slice(0, 140))}`);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
    } catch (cause) {
      throw new AppError("MALFORMED_CONTENT", "manifest is not JSON", { cause });
    }
    if (parsed === null || typeof parsed !== "object" || parsed.schemaVersion !== 2) {
      throw new AppError("MALFORMED_CONTENT", "manifest must be a JSON object with schemaVersion 2");
    }
    const digest = computeDigest(bytes);
    if (isDigest && parseDigest(reference).digest !== digest) {
      throw new AppError("DIGEST_MISMATCH", `manifest bytes hash to ${digest}, not ${reference}`);
    }
    const dir = repoDir(repo);
    // Like a registry's MANIFEST_BLOB_UNKNOWN: a layout naming absent blobs cannot be copied anywhere.
    const children: unknown[] = Array.isArray(parsed.manifests)
      ? parsed.manifests
      : [parsed.config, ...(Array.isArray(parsed.layers) ? parsed.layers : [])];
    for (const child of children) {
      const d = checkDescriptor(child, "manifest");
      try {
        await access(blobPath(dir, d.digest, "MALFORMED_CONTENT"));
      } catch {
        throw new AppError("BAD_REQUEST", `manifest references a blob missing from ${repo}: ${d.digest}`);
      }
    }
    await putBlob(repo, bytes);
    const artifactType = typeof parsed.artifactType === "string" ? parsed.artifactType : undefined;
    const descriptor: Descriptor = { mediaType, digest, size: bytes.length, ...(artifactType ? { artifactType } : {}) };

    await withLock(repo, async () => {
      const entries = await readIndex(repo);
      let next: Descriptor[];
      if (isDigest) {
        next = entries.some((e) => e.digest === digest) ? entries : [...entries, descriptor];
      } else if (entries.some((e) => e.annotations?.[REF_NAME] === reference && e.digest === digest)) {
        next = entries; // re-tagging the same content must not churn index.json
      } else {
        next = [
          ...entries.filter((e) => e.annotations?.[REF_NAME] !== reference),
          { ...descriptor, annotations: { [REF_NAME]: reference } },
        ];
      }
      if (next === entries) return;
      const index = { schemaVersion: 2, mediaType: MT.ociIndex, manifests: next };
      await writeAtomic(path.join(dir, "index.json"), JSON.stringify(index));
    });
    return descriptor;
  }

  function withLock<T>(repo: string, fn: () => Promise<T>): Promise<T> {
    const prev = locks.get(repo) ?? Promise.resolve();
    const run = prev.then(fn, fn);
    const tail = run.catch(() => {});
    locks.set(repo, tail);
    void tail.then(() => {
      if (locks.get(repo) === tail) locks.delete(repo);
    });
    return run;
  }

  async function listRepositories(cursor?: string | null, limit?: number): Promise<Page<string>> {
    const repos: string[] = [];
    let visited = 0;
    async function walk(dir: string, rel: string[], depth: number): Promise<void> {
      if (depth > MAX_WALK_DEPTH || ++visited > MAX_WALK_DIRS) return;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      const isLayout = rel.length > 0 && entries.some((e) => e.isFile() && e.name === "oci-layout");
      if (isLayout) {
        const repo = rel.join("/");
        try {
          repos.push(assertRepositoryName(repo));
        } catch {
          // a directory whose name is not a valid repository cannot be addressed; leave it out
        }
      }
      for (const e of entries) {
        // Symlinks are not followed: the store must not reach outside `root`.
        if (!e.isDirectory() || (isLayout && e.name === "blobs") || e.name.startsWith(".")) continue;
        await walk(path.join(dir, e.name), [...rel, e.name], depth + 1);
      }
    }
    await walk(root, [], 0);
    return page(repos.sort(), cursor, limit);
  }

  async function listTags(repo: string, cursor?: string | null, limit?: number): Promise<Page<string>> {
    const entries = await readIndex(repo);
    const tags = new Set<string>();
    for (const e of entries) {
      const tag = e.annotations?.[REF_NAME];
      if (tag !== undefined && TAG_RE.test(tag)) tags.add(tag);
    }
    return page([...tags].sort(), cursor, limit);
  }

  return {
    name,
    kind: "oci-layout",
    root,
    capabilities: { catalog: true, referrersApi: false, tagPagination: true, range: true },
    listRepositories,
    listTags,
    resolve,
    getManifest,
    getBlob,
    listReferrers,
    putManifest,
    putBlob,
    mountBlob,
  };
}

function page(sorted: string[], cursor?: string | null, limit?: number): Page<string> {
  const n = Math.min(Math.max(1, Math.floor(limit ?? DEFAULT_PAGE_SIZE)), MAX_PAGE_SIZE);
  const rest = cursor ? sorted.filter((s) => s > cursor) : sorted;
  const items = rest.slice(0, n);
  return { items, next: rest.length > n ? items[items.length - 1]! : null };
}

function checkRange(range: ByteRange, size: number): ByteRange {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || (size > 0 && start >= size)) {
    throw new AppError("BAD_REQUEST", `range ${start}-${end} is not satisfiable for ${size} bytes`);
  }
  return { start, end: Math.min(end, size - 1) };
}

function isStringMap(v: unknown): v is Record<string, string> {
  return !!v && typeof v === "object" && !Array.isArray(v) && Object.values(v).every((x) => typeof x === "string");
}

function checkDescriptor(value: unknown, where: string): Descriptor {
  const d = value as Descriptor | null;
  if (!d || typeof d !== "object" || typeof d.mediaType !== "string" || !Number.isSafeInteger(d.size) || d.size < 0) {
    throw new AppError("MALFORMED_CONTENT", `${where}: invalid descriptor`);
  }
  parseDigest(d.digest, "MALFORMED_CONTENT");
  if (d.annotations !== undefined && !isStringMap(d.annotations)) {
    throw new AppError("MALFORMED_CONTENT", `${where}: annotations must map strings to strings`);
  }
  return d;
}

/** The tag annotation is layout bookkeeping, not part of what the manifest is. */
function publicDescriptor(entry: Descriptor): Descriptor {
  const { [REF_NAME]: _tag, ...rest } = entry.annotations ?? {};
  const out: Descriptor = { mediaType: entry.mediaType, digest: entry.digest, size: entry.size };
  if (entry.artifactType) out.artifactType = entry.artifactType;
  if (Object.keys(rest).length) out.annotations = rest;
  if (entry.platform) out.platform = entry.platform;
  return out;
}

function describeManifest(bytes: Uint8Array, digest: string): Descriptor {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `${digest} is not a JSON manifest`, { cause });
  }
  // Kit manifests omit `mediaType`; an index is recognisable by its `manifests` list.
  const mediaType =
    typeof parsed?.mediaType === "string" ? parsed.mediaType : Array.isArray(parsed?.manifests) ? MT.ociIndex : MT.ociManifest;
  const artifactType = typeof parsed?.artifactType === "string" ? parsed.artifactType : undefined;
  return { mediaType, digest, size: bytes.length, ...(artifactType ? { artifactType } : {}) };
}

async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.tmp-${process.pid}-${randomBytes(6).toString("hex")}`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}
