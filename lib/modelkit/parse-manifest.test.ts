import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MAX_MANIFEST_BYTES } from "./constants";
import { parseManifest } from "./parse-manifest";

const dg = (c: string) => `sha256:${c.repeat(64)}`;
const enc = (v: unknown) => new TextEncoder().encode(typeof v === "string" ? v : JSON.stringify(v));

// A kit-written manifest: no mediaType, no artifactType (kit's createManifest omits both).
const kitManifest = {
  schemaVersion: 2,
  config: { mediaType: "application/vnd.kitops.modelkit.config.v1+json", digest: dg("c"), size: 321 },
  layers: [{ mediaType: "application/vnd.kitops.modelkit.model.v1.tar", digest: dg("a"), size: 1000 }],
  annotations: { "ml.kitops.modelkit.cli-version": "1.2.3" },
};
const index = {
  schemaVersion: 2,
  mediaType: "application/vnd.oci.image.index.v1+json",
  manifests: [{ mediaType: "application/vnd.oci.image.manifest.v1+json", digest: dg("b"), size: 500 }],
};

function expectMalformed(fn: () => unknown, pattern: RegExp) {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe("MALFORMED_CONTENT");
    expect((e as AppError).message).toMatch(pattern);
    return;
  }
  throw new Error("expected MALFORMED_CONTENT");
}

describe("parseManifest", () => {
  it.each([
    ["no mediaType, OCI Content-Type", kitManifest, "application/vnd.oci.image.manifest.v1+json", "manifest"],
    ["no mediaType, no Content-Type", kitManifest, null, "manifest"],
    ["no mediaType, generic Content-Type", kitManifest, "application/json; charset=utf-8", "manifest"],
    ["docker v2 manifest", { ...kitManifest, mediaType: "application/vnd.docker.distribution.manifest.v2+json" }, null, "manifest"],
    ["OCI index with mediaType", index, null, "index"],
    ["index by Content-Type only", { ...index, mediaType: undefined }, "application/vnd.oci.image.index.v1+json", "index"],
    ["docker manifest list", { ...index, mediaType: "application/vnd.docker.distribution.manifest.list.v2+json" }, null, "index"],
    ["index by shape only", { ...index, mediaType: undefined }, null, "index"],
  ])("accepts %s", (_name, body, contentType, kind) => {
    const parsed = parseManifest(enc(body), contentType);
    expect(parsed.kind).toBe(kind);
    if (parsed.kind === "manifest") {
      expect(parsed.manifest.layers[0]?.digest).toBe(dg("a"));
      expect(parsed.manifest.annotations?.["ml.kitops.modelkit.cli-version"]).toBe("1.2.3");
    } else {
      expect(parsed.index.manifests[0]?.digest).toBe(dg("b"));
    }
  });

  it("accepts other digest algorithms in the general grammar", () => {
    const body = { ...kitManifest, layers: [{ mediaType: "x/y", digest: "blake3:abcdef0123", size: 1 }] };
    const parsed = parseManifest(enc(body), null);
    expect(parsed.kind === "manifest" && parsed.manifest.layers[0]?.digest).toBe("blake3:abcdef0123");
  });

  it.each([
    ["not JSON", "{ nope", /not valid JSON/],
    ["not UTF-8", new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]), /UTF-8/],
    ["a JSON array", "[]", /not a JSON object/],
    ["schema version 1", { ...kitManifest, schemaVersion: 1 }, /schemaVersion 1/],
    ["short sha256 digest", { ...kitManifest, config: { ...kitManifest.config, digest: "sha256:abc" } }, /config\.digest: invalid digest/],
    ["negative size", { ...kitManifest, layers: [{ ...kitManifest.layers[0], size: -1 }] }, /layers\[0\]\.size/],
    ["unsafe integer size", { ...kitManifest, layers: [{ ...kitManifest.layers[0], size: 2 ** 60 }] }, /layers\[0\]\.size/],
    ["fractional size", { ...kitManifest, layers: [{ ...kitManifest.layers[0], size: 1.5 }] }, /layers\[0\]\.size/],
    ["non-string annotation", { ...kitManifest, annotations: { a: 1 } }, /annotations\.a/],
    ["missing layers", { ...kitManifest, layers: undefined }, /layers/],
    ["unknown body mediaType", { ...kitManifest, mediaType: "text/html" }, /unsupported manifest mediaType/],
  ])("rejects %s with MALFORMED_CONTENT", (_name, body, pattern) => {
    const bytes = body instanceof Uint8Array ? body : enc(body);
    expectMalformed(() => parseManifest(bytes, null), pattern);
  });

  it("rejects a body whose mediaType contradicts the Content-Type", () => {
    expectMalformed(
      () => parseManifest(enc({ ...kitManifest, mediaType: "application/vnd.oci.image.manifest.v1+json" }), "application/vnd.oci.image.index.v1+json"),
      /contradicts/,
    );
  });

  it("refuses bodies over the manifest budget before parsing them", () => {
    const big = new Uint8Array(MAX_MANIFEST_BYTES + 1).fill(0x20);
    expect(() => parseManifest(big, null)).toThrow(expect.objectContaining({ code: "LIMIT_EXCEEDED" }));
  });
});
