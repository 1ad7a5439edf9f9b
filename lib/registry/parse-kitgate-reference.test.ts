import { describe, expect, it } from "vitest";
import { parseKitgateReference } from "./parse-kitgate-reference";

const D = "sha256:" + "a".repeat(64);

describe("parseKitgateReference", () => {
  it.each([
    ["local/demo/fraud-detection:1.0.0", { registry: "local", repository: "demo/fraud-detection", tag: "1.0.0", digest: null }],
    [`local/demo/x@${D}`, { registry: "local", repository: "demo/x", tag: null, digest: D }],
    [`reg.example:5000/a/b:v1@${D}`, { registry: "reg.example:5000", repository: "a/b", tag: "v1", digest: D }],
    ["acme/team/fraud.detection__x:latest", { registry: "acme", repository: "team/fraud.detection__x", tag: "latest", digest: null }],
  ])("parses %s", (input, expected) => {
    expect(parseKitgateReference(input)).toEqual(expected);
  });

  it.each([
    ["", "empty"],
    ["noslash:1", "must start with a registry"],
    ["local/Demo/UPPER:1", "Invalid repository"],
    ["local/demo/x", "needs a tag or a digest"],
    ["local/demo/x:bad tag", "Invalid tag"],
    ["local/demo/x@sha256:zz", "Invalid digest"],
    ["local/../etc/passwd:1", "Invalid repository"],
    ["local/demo/x:" + "a".repeat(200), "Invalid tag"],
  ])("rejects %j with a clear message", (input, message) => {
    expect(() => parseKitgateReference(input)).toThrow(message);
  });
});
