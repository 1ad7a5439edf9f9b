import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { readLayerFile } from "@/lib/layers/read-layer-file";
import { makeTar } from "@/lib/layers/testing/make-tar";
import { zstdCompress } from "@/lib/layers/testing/zstd-compress";

/** A stream that counts what was pulled from it, to prove a reader stops early. */
function counted(bytes: Uint8Array, size = 16 * 1024) {
  const state = { pulled: 0 };
  const stream = Readable.from(
    (function* () {
      for (let i = 0; i < bytes.length; i += size) {
        const part = Buffer.from(bytes.subarray(i, i + size));
        state.pulled += part.length;
        yield part;
      }
    })(),
    { objectMode: false },
  );
  return { stream, state };
}

describe("readLayerFile", { timeout: 60_000 }, () => {
  it("reads a nested file from tar, tar+gzip and tar+zstd layers", async () => {
    const tar = await makeTar([
      { name: "src", type: "directory" },
      { name: "src/pkg/util.py", content: "def f():\n    return 1\n" },
      { name: "src/other.py", content: "x = 2\n" },
    ]);
    for (const [compression, blob] of [
      ["none", tar],
      ["gzip", gzipSync(tar)],
      ["zstd", await zstdCompress(tar)],
    ] as const) {
      const got = await readLayerFile(counted(blob).stream, { compression, format: "tar" }, "./src/pkg/util.py", 1024);
      expect(Buffer.from(got.bytes).toString()).toBe("def f():\n    return 1\n");
      expect(got.truncated).toBe(false);
      expect(got.entry).toMatchObject({ path: "src/pkg/util.py", type: "file", size: 22 });
    }
  });

  it("finds old-kit entries by their prefixed path", async () => {
    const tar = await makeTar([{ name: "model.h5", content: "weights" }]);
    const got = await readLayerFile(counted(tar).stream, { compression: "none", format: "tar", pathPrefix: "models" }, "models/model.h5", 100);
    expect(Buffer.from(got.bytes).toString()).toBe("weights");
    await expect(
      readLayerFile(counted(tar).stream, { compression: "none", format: "tar", pathPrefix: "models" }, "model.h5", 100),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("caps the bytes read and stops reading the layer once it has them", async () => {
    const tar = await makeTar([
      { name: "big.bin", content: randomBytes(200_000) },
      { name: "after.bin", content: randomBytes(2_000_000) },
    ]);
    const { stream, state } = counted(tar);
    const got = await readLayerFile(stream, { compression: "none", format: "tar" }, "big.bin", 1000);
    expect(got.bytes).toHaveLength(1000);
    expect(got.truncated).toBe(true);
    expect(got.entry.size).toBe(200_000);
    expect(state.pulled).toBeLessThan(tar.length / 2);
  });

  it("refuses links and directories and reports missing files", async () => {
    const tar = await makeTar([
      { name: "dir", type: "directory" },
      { name: "dir/shadow", type: "symlink", linkname: "/etc/shadow" },
    ]);
    const options = { compression: "none", format: "tar" } as const;
    await expect(readLayerFile(counted(tar).stream, options, "dir/shadow", 100)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/symlink to "\/etc\/shadow"; links are never followed/),
    });
    await expect(readLayerFile(counted(tar).stream, options, "dir", 100)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(readLayerFile(counted(tar).stream, options, "nope", 100)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("reads a raw layer as the file itself", async () => {
    const bytes = randomBytes(50_000);
    const options = { compression: "gzip", format: "raw", rawName: "weights.bin" } as const;
    const whole = await readLayerFile(counted(gzipSync(bytes)).stream, options, "weights.bin", 100_000);
    expect(Buffer.compare(Buffer.from(whole.bytes), bytes)).toBe(0);
    expect(whole).toMatchObject({ truncated: false, entry: { path: "weights.bin", size: 50_000 } });
    const part = await readLayerFile(counted(gzipSync(bytes)).stream, options, "weights.bin", 10);
    expect(Buffer.compare(Buffer.from(part.bytes), bytes.subarray(0, 10))).toBe(0);
    expect(part.truncated).toBe(true);
    await expect(readLayerFile(counted(bytes).stream, { ...options, compression: "none" }, "other", 10)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
