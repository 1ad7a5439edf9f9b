import { describe, expect, it } from "vitest";
import { readJsonBody } from "./read-json-body";

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request("http://127.0.0.1/api/v1/x", { method: "POST", body, headers, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);

describe("readJsonBody", () => {
  it("parses JSON and reads an empty body as {}", async () => {
    expect(await readJsonBody(post('{"a":1}'), 100)).toEqual({ a: 1 });
    expect(await readJsonBody(post(""), 100)).toEqual({});
    expect(await readJsonBody(post(null), 100)).toEqual({});
  });

  it("refuses a declared Content-Length over the cap without reading the body", async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new Uint8Array(10))) });
    await expect(readJsonBody(post(body, { "content-length": "1000" }), 100)).rejects.toMatchObject({ code: "TOO_LARGE", status: 413 });
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("stops an endless chunked body at the cap", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => void (pulled++, c.enqueue(new TextEncoder().encode("[1,1,1,1,1,1,1,1,1,"))) });
    await expect(readJsonBody(post(endless), 1024)).rejects.toMatchObject({ code: "TOO_LARGE" });
    expect(pulled).toBeLessThan(100);
  });

  it("says when the body is not JSON or not UTF-8", async () => {
    await expect(readJsonBody(post("{nope"), 100)).rejects.toMatchObject({ code: "BAD_REQUEST", message: "Body is not JSON" });
    await expect(readJsonBody(post(new Uint8Array([0x7b, 0xff, 0x7d])), 100)).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
