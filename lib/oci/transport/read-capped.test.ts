import { describe, expect, it } from "vitest";
import { readCapped } from "@/lib/oci/transport/read-capped";

const streamOf = (chunks: number[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const n of chunks) c.enqueue(new Uint8Array(n));
      c.close();
    },
  });

describe("readCapped", () => {
  it("reads a body within the cap", async () => {
    const bytes = await readCapped(new Response(new Uint8Array([1, 2, 3])), 3, "x");
    expect([...bytes]).toEqual([1, 2, 3]);
  });

  it("refuses a declared Content-Length over the cap", async () => {
    const res = new Response(new Uint8Array(1), { headers: { "content-length": "1000000" } });
    await expect(readCapped(res, 10, "manifest")).rejects.toMatchObject({ code: "TOO_LARGE" });
  });

  it("refuses a body that grows past the cap without declaring its length", async () => {
    await expect(readCapped(new Response(streamOf([6, 6])), 10, "manifest")).rejects.toMatchObject({ code: "TOO_LARGE" });
  });
});
