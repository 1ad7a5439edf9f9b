import { createHash } from "node:crypto";
import { mkdtemp, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MT } from "@/lib/oci/media-types";
import { createLayoutSource, type LayoutSource } from "./create-layout-source";

let root: string;
let source: LayoutSource;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), "kitgate-layout-"));
  source = createLayoutSource({ name: "local", root });
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "resolved";
}

const enc = (s: string) => new TextEncoder().encode(s);

async function pushKit(repo: string, tag: string, layerText: string, extra: Record<string, unknown> = {}) {
  const config = await source.putBlob(repo, enc(`{"manifestVersion":"1.0.0","package":{"name":"${tag}"}}`));
  const layer = await source.putBlob(repo, enc(layerText));
  const manifest = enc(
    JSON.stringify({
      schemaVersion: 2,
      config: { mediaType: MT.kitConfig, ...config },
      layers: [{ mediaType: "application/vnd.kitops.modelkit.code.v1.tar", ...layer }],
      ...extra,
    }),
  );
  const desc = await source.putManifest(repo, tag, manifest, MT.ociManifest);
  return { desc, manifest, layer };
}

describe("createLayoutSource", () => {
  it("lists repositories recursively and pages them by cursor", async () => {
    await pushKit("demo/b", "1", "b");
    await pushKit("demo/a", "1", "a");
    await pushKit("zeta", "1", "z");
    const first = await source.listRepositories(null, 2);
    expect(first).toEqual({ items: ["demo/a", "demo/b"], next: "demo/b" });
    expect(await source.listRepositories(first.next, 2)).toEqual({ items: ["zeta"], next: null });
  });

  it("resolves tags, serves verified manifests and blobs, and honours ranges", async () => {
    const { desc, manifest, layer } = await pushKit("demo/x", "1.0.0", "hello layer");
    expect(await source.resolve("demo/x", "1.0.0")).toEqual(desc);
    const fetched = await source.getManifest("demo/x", "1.0.0");
    expect(Buffer.from(fetched.bytes).equals(Buffer.from(manifest))).toBe(true);
    expect((await source.getManifest("demo/x", desc.digest)).descriptor.digest).toBe(desc.digest);
    expect((await readAll(await source.getBlob("demo/x", layer))).toString()).toBe("hello layer");
    expect((await readAll(await source.getBlob("demo/x", layer, { start: 6, end: 10 }))).toString()).toBe("layer");
    expect(await codeOf(source.resolve("demo/x", "2.0.0"))).toBe("NOT_FOUND");
  });

  it("writes index.json so a re-tag replaces the previous ref of the same name", async () => {
    await pushKit("demo/x", "latest", "one");
    const second = await pushKit("demo/x", "latest", "two");
    await pushKit("demo/x", "1.0.0", "one");
    expect((await source.listTags("demo/x")).items).toEqual(["1.0.0", "latest"]);
    expect((await source.resolve("demo/x", "latest")).digest).toBe(second.desc.digest);
    const index = JSON.parse(await readFile(path.join(root, "demo/x/index.json"), "utf8"));
    expect(index.manifests.filter((m: { annotations?: Record<string, string> }) => m.annotations?.["org.opencontainers.image.ref.name"] === "latest")).toHaveLength(1);
    expect(JSON.parse(await readFile(path.join(root, "demo/x/oci-layout"), "utf8"))).toEqual({ imageLayoutVersion: "1.0.0" });
    const page1 = await source.listTags("demo/x", null, 1);
    expect(page1).toEqual({ items: ["1.0.0"], next: "1.0.0" });
  });

  it("refuses a manifest that names blobs the layout does not hold", async () => {
    const bad = enc(JSON.stringify({ schemaVersion: 2, config: { mediaType: MT.kitConfig, digest: `sha256:${"0".repeat(64)}`, size: 2 }, layers: [] }));
    await source.putBlob("demo/x", enc("x"));
    expect(await codeOf(source.putManifest("demo/x", "1", bad, MT.ociManifest))).toBe("BAD_REQUEST");
  });

  it("finds referrers by subject and through the sha256-<hex> fallback tag", async () => {
    const { desc } = await pushKit("demo/x", "1.0.0", "subject");
    const empty = await source.putBlob("demo/x", enc("{}"));
    const note = await source.putBlob("demo/x", enc("reviewed"));
    const artifact = enc(
      JSON.stringify({
        schemaVersion: 2,
        mediaType: MT.ociManifest,
        artifactType: "application/vnd.example.note.v1",
        config: { mediaType: MT.ociEmpty, ...empty },
        layers: [{ mediaType: "text/plain", ...note }],
        subject: { mediaType: MT.ociManifest, digest: desc.digest, size: desc.size },
      }),
    );
    // pushed by digest, untagged, as a registry client pushes a referrer
    const art = await source.putManifest("demo/x", `sha256:${createHash("sha256").update(artifact).digest("hex")}`, artifact, MT.ociManifest);
    expect((await source.listTags("demo/x")).items).toEqual(["1.0.0"]);
    const referrers = await source.listReferrers("demo/x", desc.digest);
    expect(referrers.map((r) => [r.digest, r.artifactType])).toEqual([[art.digest, "application/vnd.example.note.v1"]]);
    expect(await source.listReferrers("demo/x", desc.digest, "application/other")).toEqual([]);

    // a second repository holding only the fallback index (as pushed by tools without the referrers API)
    const other = await pushKit("demo/y", "1.0.0", "subject2");
    const fallbackIndex = enc(
      JSON.stringify({ schemaVersion: 2, mediaType: MT.ociIndex, manifests: [{ ...art, mediaType: MT.ociManifest }] }),
    );
    await source.putBlob("demo/y", artifact);
    await source.putBlob("demo/y", enc("{}"));
    await source.putBlob("demo/y", enc("reviewed"));
    await source.putManifest("demo/y", other.desc.digest.replace(":", "-"), fallbackIndex, MT.ociIndex);
    const viaTag = await source.listReferrers("demo/y", other.desc.digest);
    expect(viaTag.map((r) => r.digest)).toEqual([art.digest]);
  });

  it("reports DIGEST_MISMATCH when a blob on disk was corrupted", async () => {
    const { layer } = await pushKit("demo/x", "1.0.0", "original bytes");
    const file = path.join(root, "demo/x/blobs/sha256", layer.digest.slice(7));
    await writeFile(file, "tampered bytes");
    expect(await codeOf(readAll(await source.getBlob("demo/x", layer)))).toBe("DIGEST_MISMATCH");
    await writeFile(file, "short");
    expect(await codeOf(source.getBlob("demo/x", layer))).toBe("DIGEST_MISMATCH");
  });

  it("reports DIGEST_MISMATCH when a stored manifest was corrupted", async () => {
    const { desc } = await pushKit("demo/x", "1.0.0", "layer");
    const file = path.join(root, "demo/x/blobs/sha256", desc.digest.slice(7));
    const bytes = await readFile(file);
    bytes[bytes.length - 2] = 0x20;
    await writeFile(file, bytes);
    expect(await codeOf(source.getManifest("demo/x", "1.0.0"))).toBe("DIGEST_MISMATCH");
  });

  it("does not follow a symlinked blob, so a range read cannot leak another file", async () => {
    const { layer } = await pushKit("demo/x", "1.0.0", "0123456789");
    const file = path.join(root, "demo/x/blobs/sha256", layer.digest.slice(7));
    const outside = path.join(root, "secret.txt");
    await writeFile(outside, "TOPSECRET!");
    await rm(file);
    await symlink(outside, file);
    expect(await codeOf(source.getBlob("demo/x", layer, { start: 0, end: 3 }))).toBe("MALFORMED_CONTENT");
  });

  it("never lets a hostile repository name escape the root", async () => {
    for (const repo of ["../../etc", "demo/../../etc", "/etc", "demo/./x", "Demo/X", "a//b", ""]) {
      expect(await codeOf(source.listTags(repo))).toBe("BAD_REQUEST");
      expect(await codeOf(source.putBlob(repo, enc("x")))).toBe("BAD_REQUEST");
    }
    expect(await codeOf(source.getBlob("demo/x", { digest: "sha256:../../../etc/passwd", size: 1 }))).toBe("BAD_REQUEST");
    expect(await codeOf(source.resolve("demo/x", "../etc"))).not.toBe("resolved");
  });
});
