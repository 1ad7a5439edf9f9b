import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_LAYER_ENTRIES } from "@/lib/layers/limits";
import { listLayerFiles } from "@/lib/layers/list-layer-files";
import { makeTar } from "@/lib/layers/testing/make-tar";
import { zstdCompress } from "@/lib/layers/testing/zstd-compress";
import type { FileEntry } from "@/lib/layers/types";

const stream = (bytes: Uint8Array, size = 10_000) => {
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(Buffer.from(bytes.subarray(i, i + size)));
  return Readable.from(parts, { objectMode: false });
};
const withoutOffsets = (entries: FileEntry[]) => entries.map(({ dataOffset: _ignored, ...rest }) => rest);

const longName = `models/${"deep-directory-name/".repeat(12)}weights-with-a-very-long-name.safetensors`;

async function sampleTar() {
  return makeTar([
    { name: "models", type: "directory" },
    { name: "models/model.safetensors", content: randomBytes(5000) },
    { name: "./models//config.json", content: '{"a":1}' },
    { name: longName, content: "x" },
    { name: "src", type: "directory" },
    { name: "src/train.py", content: "print('hi')\n", mode: 0o755 },
  ]);
}

describe("listLayerFiles", { timeout: 60_000 }, () => {
  it("lists tar, tar+gzip and tar+zstd layers identically; only uncompressed tars get data offsets", async () => {
    const tar = await sampleTar();
    const plain = await listLayerFiles(stream(tar), { compression: "none", format: "tar" });
    const gz = await listLayerFiles(stream(gzipSync(tar)), { compression: "gzip", format: "tar" });
    const zst = await listLayerFiles(stream(await zstdCompress(tar)), { compression: "zstd", format: "tar" });

    expect(plain.truncated).toBe(false);
    expect(plain.entries.map((e) => [e.path, e.type, e.size])).toEqual([
      ["models", "directory", 0],
      ["models/model.safetensors", "file", 5000],
      ["models/config.json", "file", 7],
      [longName, "file", 1],
      ["src", "directory", 0],
      ["src/train.py", "file", 12],
    ]);
    expect(plain.entries[2]!.rawName).toBe("./models//config.json");
    expect(plain.entries[5]!.mode & 0o777).toBe(0o755);
    expect(gz).toEqual({ ...plain, entries: withoutOffsets(plain.entries) });
    expect(zst).toEqual(gz);

    // data offsets point at the file's bytes inside the tar
    const config = plain.entries[2]!;
    expect(tar.subarray(config.dataOffset!, config.dataOffset! + config.size).toString()).toBe('{"a":1}');
    const long = plain.entries[3]!;
    expect(tar.subarray(long.dataOffset!, long.dataOffset! + 1).toString()).toBe("x");
  });

  it("labels traversal, absolute names and links without following them", async () => {
    const tar = await makeTar([
      { name: "../../etc/passwd", content: "root:x:0:0" },
      { name: "/abs/file", content: "a" },
      { name: "models/evil-link", type: "symlink", linkname: "/etc/shadow" },
      { name: "models/hard", type: "link", linkname: "models/model.bin" },
      { name: "models/fine.txt", content: "ok" },
    ]);
    const listing = await listLayerFiles(stream(tar), { compression: "none", format: "tar" });
    const byPath = Object.fromEntries(listing.entries.map((e) => [e.path, e]));
    expect(byPath["../../etc/passwd"]).toMatchObject({ unsafe: "traversal", type: "file" });
    expect(byPath["/abs/file"]).toMatchObject({ unsafe: "absolute" });
    expect(byPath["models/evil-link"]).toMatchObject({ type: "symlink", linkTarget: "/etc/shadow", unsafe: "link" });
    expect(byPath["models/hard"]).toMatchObject({ type: "hardlink", linkTarget: "models/model.bin", unsafe: "link" });
    expect(byPath["models/fine.txt"]!.unsafe).toBeUndefined();
    expect(listing.warnings.join(" ")).toMatch(/4 entries have unsafe names/);
  });

  it("prefixes old-kit entries with the layer path, but never hides a traversal behind the prefix", async () => {
    const tar = await makeTar([
      { name: "model.h5", content: "w" },
      { name: "../outside", content: "x" },
    ]);
    const listing = await listLayerFiles(stream(tar), { compression: "none", format: "tar", pathPrefix: "models/" });
    expect(listing.entries.map((e) => [e.path, e.unsafe])).toEqual([
      ["models/model.h5", undefined],
      ["models/../outside", "traversal"],
    ]);
  });

  it("lists a raw layer as one file named rawName, without reading it when its size is known", async () => {
    const bytes = randomBytes(3000);
    const known = await listLayerFiles(new Readable({ read() {} }), {
      compression: "none",
      format: "raw",
      rawName: "model.gguf",
      size: 3000,
      rawMode: 0o644,
    });
    expect(known.entries).toEqual([{ path: "model.gguf", type: "file", size: 3000, mode: 0o644, dataOffset: 0 }]);
    const zst = await listLayerFiles(stream(await zstdCompress(bytes)), { compression: "zstd", format: "raw", rawName: "model.gguf" });
    expect(zst.entries).toEqual([{ path: "model.gguf", type: "file", size: 3000, mode: 0 }]);
  });

  it("rejects non-tar garbage and truncated tars as malformed content", async () => {
    await expect(listLayerFiles(stream(randomBytes(4096)), { compression: "none", format: "tar" })).rejects.toMatchObject({
      code: "MALFORMED_CONTENT",
    });
    const tar = await sampleTar();
    await expect(
      listLayerFiles(stream(tar.subarray(0, 1024 + 700)), { compression: "none", format: "tar" }),
    ).rejects.toBeInstanceOf(AppError);
    await expect(
      listLayerFiles(stream(gzipSync(randomBytes(2048))), { compression: "gzip", format: "tar" }),
    ).rejects.toMatchObject({ code: "MALFORMED_CONTENT" });
  });

  it(`stops at ${MAX_LAYER_ENTRIES} entries and says the listing is truncated`, async () => {
    const entries = (function* () {
      for (let i = 0; i <= MAX_LAYER_ENTRIES; i++) yield { name: `d/${i}` };
    })();
    const tar = await makeTar(entries);
    // A frozen clock: on a loaded machine 100k entries can outlast the real time budget, which is a different stop.
    const listing = await listLayerFiles(stream(tar, 1024 * 1024), { compression: "none", format: "tar" }, { now: () => 0 });
    expect(listing.entries).toHaveLength(MAX_LAYER_ENTRIES);
    expect(listing.truncated).toBe(true);
    expect(listing.reason).toMatch(/more than 100000 entries/);
  });

  it("stops at the time budget (injected clock) and at the decompressed-byte budget", async () => {
    const tar = await sampleTar();
    let tick = 0;
    const timed = await listLayerFiles(
      stream(tar),
      { compression: "none", format: "tar" },
      { timeBudgetMs: 2, now: () => tick++ },
    );
    expect(timed.truncated).toBe(true);
    expect(timed.reason).toMatch(/budget/);
    expect(timed.entries.length).toBeLessThan(6);

    const big = await makeTar([{ name: "a", content: randomBytes(200_000) }, { name: "b", content: "x" }]);
    const capped = await listLayerFiles(stream(gzipSync(big)), { compression: "gzip", format: "tar" }, { maxBytes: 100_000 });
    expect(capped.truncated).toBe(true);
    expect(capped.entries.map((e) => e.path)).toEqual(["a"]);
    expect(capped.reason).toMatch(/100000 bytes/);
  });
});
