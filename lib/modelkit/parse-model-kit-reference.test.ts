import { describe, expect, it } from "vitest";
import { isReferrerTag } from "./is-referrer-tag";
import { parseModelKitReference } from "./parse-model-kit-reference";

const hex = "0123456789abcdef".repeat(4);

describe("parseModelKitReference", () => {
  it.each([
    ["registry.example.com/org/base:1.0", "registry.example.com", "org/base", "1.0", null],
    ["ghcr.io/kitops-ml/models/llama3:8b-q4", "ghcr.io", "kitops-ml/models/llama3", "8b-q4", null],
    ["localhost:5000/team/fraud@sha256:" + hex, "localhost:5000", "team/fraud", null, "sha256:" + hex],
    ["reg.io/a/b:v2@sha256:" + hex, "reg.io", "a/b", "v2", "sha256:" + hex],
    ["test-ref:model-1", "localhost", "test-ref", "model-1", null],
    ["org/repo:latest", "localhost", "org/repo", "latest", null],
    ["localhost/repo:t", "localhost", "repo", "t", null],
    ["org/repo", "localhost", "org/repo", null, null],
    ["sha256:" + hex, "localhost", "_", null, "sha256:" + hex],
    ["REG.Example.com/a__b/c-d.e:TAG_1", "reg.example.com", "a__b/c-d.e", "TAG_1", null],
  ])("%s", (ref, registry, repository, tag, digest) => {
    expect(parseModelKitReference(ref)).toEqual({ registry, repository, tag, digest });
  });

  it.each([
    ["empty", ""],
    ["whitespace inside", "reg.io/a b:1"],
    ["trailing newline", "reg.io/a:1\n"],
    ["upper-case repository", "reg.io/Org/repo:1"],
    ["bad tag", "reg.io/a:-bad"],
    ["tag too long", `reg.io/a:${"t".repeat(129)}`],
    ["short digest", "reg.io/a@sha256:abc"],
    ["double slash", "reg.io//a:1"],
    ["shell metacharacters", "reg.io/a;rm:1"],
    ["trailing separator", "reg.io/a-:1"],
    ["empty tag", "reg.io/a:"],
  ])("rejects %s", (_n, ref) => {
    expect(parseModelKitReference(ref)).toBeNull();
  });
});

describe("isReferrerTag", () => {
  it.each([
    [`sha256-${hex}`, true],
    [`sha256-${hex}.sig`, true],
    [`sha256-${hex}.att`, true],
    [`sha256-${hex}.sbom`, true],
    ["v1.0.0", false],
    ["latest", false],
    [`sha256-${hex.slice(1)}`, false],
    [`sha256-${hex}.zip`, false],
    [`sha256-${hex.toUpperCase()}`, false],
  ])("%s → %s", (tag, expected) => {
    expect(isReferrerTag(tag)).toBe(expected);
  });
});
