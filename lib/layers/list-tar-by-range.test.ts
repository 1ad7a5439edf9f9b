import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { listLayerFiles } from "@/lib/layers/list-layer-files";
import { listTarByRange } from "@/lib/layers/list-tar-by-range";
import { rangeReaderFromBuffer } from "@/lib/layers/range-reader-from-buffer";
import { readTarEntryByRange } from "@/lib/layers/read-tar-entry-by-range";
import { makeTar } from "@/lib/layers/testing/make-tar";
import type { RangeReader } from "@/lib/layers/types";

function counting(bytes: Uint8Array) {
  const stats = { bytes: 0, requests: 0 };
  const inner = rangeReaderFromBuffer(bytes);
  const read: RangeReader = async (start, end) => {
    stats.requests += 1;
    stats.bytes += end - start + 1;
    return inner(start, end);
  };
  return { read, stats };
}

const streamed = (tar: Uint8Array) =>
  listLayerFiles(Readable.from([Buffer.from(tar)], { objectMode: false }), { compression: "none", format: "tar" });

/** A ustar/GNU header written by hand, for shapes tar-stream's pack() does not emit. */
function rawHeader(name: string, size: number, typeflag: string, gnu = false): Buffer {
  const h = Buffer.alloc(512);
  h.write(name, 0, 100, "utf-8");
  h.write("0000644\0", 100);
  h.write("0000000\0", 108);
  h.write("0000000\0", 116);
  h.write(size.toString(8).padStart(11, "0") + "\0", 124);
  h.write("00000000000\0", 136);
  h.write(typeflag, 156);
  if (gnu) h.write("ustar  \0", 257, "latin1");
  else h.write("ustar\x0000", 257, "latin1");
  return withChecksum(h);
}

function withChecksum(h: Buffer): Buffer {
  h.fill(0x20, 148, 156);
  let sum = 0;
  for (const b of h) sum += b;
  h.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "latin1");
  return h;
}

const pad = (b: Buffer) => Buffer.concat([b, Buffer.alloc((512 - (b.length % 512)) % 512)]);

describe("listTarByRange", { timeout: 60_000 }, () => {
  it("lists the same entries and data offsets as the streaming listing, PAX and GNU long names included", async () => {
    const paxName = `data/${"a-rather-long-directory-name/".repeat(10)}file.csv`;
    const packed = await makeTar([
      { name: "data", type: "directory" },
      { name: paxName, content: "a,b\n1,2\n" },
      { name: "data/link", type: "symlink", linkname: "../../etc/shadow" },
      { name: "../escape", content: "x" },
      { name: "data/small.txt", content: "hello" },
    ]);
    const gnuName = `gnu/${"g".repeat(150)}.txt`;
    const gnuEntries = Buffer.concat([
      rawHeader("././@LongLink", gnuName.length + 1, "L", true),
      pad(Buffer.from(`${gnuName}\0`)),
      rawHeader(gnuName.slice(0, 99), 3, "0", true),
      pad(Buffer.from("gnu")),
    ]);
    // base-256 size on the last regular header
    const base256 = rawHeader("b256.bin", 0, "0");
    base256[124] = 0x80;
    base256.fill(0, 125, 136);
    base256[135] = 4;
    const tar = Buffer.concat([packed.subarray(0, packed.length - 1024), gnuEntries, withChecksum(base256), pad(Buffer.from("1234")), Buffer.alloc(1024)]);

    const byRange = await listTarByRange(rangeReaderFromBuffer(tar), tar.length);
    const byStream = await streamed(tar);
    expect(byRange).toEqual(byStream);
    const paths = byRange.entries.map((e) => e.path);
    expect(paths).toEqual(["data", paxName, "data/link", "../escape", "data/small.txt", gnuName, "b256.bin"]);
    const gnu = byRange.entries[5]!;
    expect(tar.subarray(gnu.dataOffset!, gnu.dataOffset! + gnu.size).toString()).toBe("gnu");
    expect(byRange.entries[6]!.size).toBe(4);
  });

  it("reads less than 1% of a layer of large files", async () => {
    const files = Array.from({ length: 200 }, (_, i) => ({ name: `weights/shard-${i}.bin`, content: randomBytes(512 * 1024) }));
    const tar = await makeTar(files);
    const { read, stats } = counting(tar);
    const listing = await listTarByRange(read, tar.length);
    expect(listing.entries).toHaveLength(200);
    expect(listing.truncated).toBe(false);
    expect(stats.bytes).toBeLessThan(tar.length / 100);

    const entry = listing.entries[123]!;
    const got = await readTarEntryByRange(read, entry, 1024);
    expect(Buffer.compare(Buffer.from(got.bytes), files[123]!.content.subarray(0, 1024))).toBe(0);
    expect(got.truncated).toBe(true);
  });

  it("batches headers of small files into few requests", async () => {
    const tar = await makeTar(Array.from({ length: 500 }, (_, i) => ({ name: `src/f${i}.py`, content: `x = ${i}\n` })));
    const { read, stats } = counting(tar);
    const listing = await listTarByRange(read, tar.length);
    expect(listing.entries).toHaveLength(500);
    expect(stats.requests).toBeLessThanOrEqual(Math.ceil(tar.length / (64 * 1024)) + 1);
  });

  it("rejects a bad checksum, garbage and an entry that runs past the end", async () => {
    const tar = await makeTar([{ name: "a.txt", content: "aaa" }, { name: "b.txt", content: "bbb" }]);
    const corrupt = Buffer.from(tar);
    corrupt[512 * 2 + 3] = corrupt[512 * 2 + 3]! ^ 0xff; // inside b.txt's header name
    await expect(listTarByRange(rangeReaderFromBuffer(corrupt), corrupt.length)).rejects.toMatchObject({
      code: "MALFORMED_CONTENT",
      message: expect.stringMatching(/checksum/),
    });
    const garbage = randomBytes(4096);
    await expect(listTarByRange(rangeReaderFromBuffer(garbage), garbage.length)).rejects.toMatchObject({
      code: "MALFORMED_CONTENT",
    });
    const lying = Buffer.concat([rawHeader("huge.bin", 10 * 1024 * 1024, "0"), Buffer.alloc(1024)]);
    await expect(listTarByRange(rangeReaderFromBuffer(lying), lying.length)).rejects.toMatchObject({
      code: "MALFORMED_CONTENT",
    });
  });

  it("stops at the entry cap and refuses to read links by range", async () => {
    const tar = await makeTar([
      { name: "a", content: "1" },
      { name: "b", type: "symlink", linkname: "/etc/passwd" },
      { name: "c", content: "3" },
    ]);
    const capped = await listTarByRange(rangeReaderFromBuffer(tar), tar.length, { maxEntries: 2 });
    expect(capped.entries.map((e) => e.path)).toEqual(["a", "b"]);
    expect(capped.truncated).toBe(true);
    await expect(readTarEntryByRange(rangeReaderFromBuffer(tar), capped.entries[1]!, 10)).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
