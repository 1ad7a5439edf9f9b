import { gzipSync } from "node:zlib";
import { makeTar } from "@/lib/layers/testing/make-tar";

/** A tar with traversal, absolute and link entries; a tar+gzip that inflates past every budget; broken config JSON. */
export async function hostileLayers() {
  const tarLayer = new Uint8Array(
    await makeTar([
      { name: "../../etc/passwd", content: "root:x:0:0" },
      { name: "/abs/path", content: "abs" },
      { name: "link-to-shadow", type: "symlink", linkname: "/etc/shadow" },
      { name: "ok.txt", content: "fine" },
    ]),
  );

  // One tar entry whose header claims 3 GiB of data, followed by zeros.
  const headerBlock = Buffer.from((await makeTar([{ name: "zeros.bin", content: "" }])).subarray(0, 512));
  headerBlock.write((3 * 1024 ** 3).toString(8).padStart(11, "0") + "\0", 124, "ascii");
  headerBlock.fill(" ", 148, 156);
  let sum = 0;
  for (const b of headerBlock) sum += b;
  headerBlock.write(sum.toString(8).padStart(6, "0") + "\0 ", 148, "ascii");
  // gzip allows concatenated members, so one small member of 16 MiB of zeros repeated 140 times inflates to
  // 2.2 GiB (past the per-read cap) from a few MB, built in milliseconds.
  const zeros = gzipSync(Buffer.alloc(16 * 1024 * 1024), { level: 9 });
  const bombLayer = new Uint8Array(Buffer.concat([gzipSync(headerBlock), ...Array.from({ length: 140 }, () => zeros)]));

  const badConfig = new TextEncoder().encode('{"manifestVersion": "1.0.0", "package": {"name": ');
  return { tarLayer, bombLayer, badConfig };
}
