import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { createVerifyingStream } from "@/lib/registry/layout/create-verifying-stream";
import { listLayerFiles } from "./list-layer-files";
import { parseWhileHashing } from "./parse-while-hashing";
import { makeTar } from "./testing/make-tar";

const sha = (b: Uint8Array) => `sha256:${createHash("sha256").update(b).digest("hex")}`;

/** A blob stream that verifies itself, as sources hand them out, carrying `served` for a blob whose digest is `of`'s. */
function verifying(served: Uint8Array, of: Uint8Array): Readable {
  return Readable.from([Buffer.from(served)]).pipe(createVerifyingStream({ digest: sha(of), size: of.length }, "blob"));
}

describe("parseWhileHashing", () => {
  it("reports complete (verified) when the parser read the blob to its verified end", async () => {
    const tar = await makeTar([{ name: "a.txt", content: "hello" }]);
    const { result, complete } = await parseWhileHashing(verifying(tar, tar), (s) => listLayerFiles(s, { compression: "none", format: "tar" }));
    expect(result.entries.map((e) => e.path)).toEqual(["a.txt"]);
    expect(complete).toBe(true);
  });

  it("a digest mismatch wins over the parser's own complaint about the corrupted bytes", async () => {
    const tar = await makeTar([{ name: "a.txt", content: "hello" }]);
    const corrupt = Buffer.from(tar);
    corrupt[100] = corrupt[100]! ^ 0xff; // inside the first header: tar-stream says "invalid header"
    const read = parseWhileHashing(verifying(corrupt, tar), (s) => listLayerFiles(s, { compression: "none", format: "tar" }));
    await expect(read).rejects.toMatchObject({ code: "DIGEST_MISMATCH" });
  });

  it("keeps the parser's error when the bytes are what the digest says", async () => {
    const junk = Buffer.from("not a tar archive at all, but exactly the bytes the digest names".repeat(20));
    const read = parseWhileHashing(verifying(junk, junk), (s) => listLayerFiles(s, { compression: "gzip", format: "tar" }));
    await expect(read).rejects.toMatchObject({ code: "MALFORMED_CONTENT" });
    await expect(read).rejects.toBeInstanceOf(AppError);
  });
});
