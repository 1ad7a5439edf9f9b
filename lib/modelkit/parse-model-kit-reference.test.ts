import { describe, expect, it } from "vitest";
import { KIT_REFERENCE_CASES } from "@/test/reference/kitops-reference-cases";
import { originLabel } from "@/test/reference/origin";
import { isReferrerTag } from "./is-referrer-tag";
import { isModelKitReference, parseModelKitReference } from "./parse-model-kit-reference";

const hex = "0123456789abcdef".repeat(4);

describe("parseModelKitReference: kit's parsing rules", () => {
  it.each(KIT_REFERENCE_CASES.map((c) => [originLabel(c.origin), c] as const))("%s", (_label, c) => {
    const parsed = parseModelKitReference(c.input);
    if (c.expected === null) {
      expect(parsed).toBeNull();
      return;
    }
    expect(parsed).not.toBeNull();
    expect({
      registry: parsed!.registry,
      repository: parsed!.repository,
      reference: parsed!.digest ?? parsed!.tag ?? "",
      extraTags: parsed!.extraTags,
    }).toEqual(c.expected);
  });
});

describe("parseModelKitReference: kit's rules beyond its test table", () => {
  it.each([
    // The first segment is a registry only when it has `.` or `:`; kit keeps `localhost/` in the repository.
    ["localhost/repo:t", "localhost", "localhost/repo", "t", null],
    ["ghcr.io/kitops-ml/models/llama3:8b-q4", "ghcr.io", "kitops-ml/models/llama3", "8b-q4", null],
    ["localhost:5000/team/fraud@sha256:" + hex, "localhost:5000", "team/fraud", null, "sha256:" + hex],
    // With a digest, kit drops the tag.
    ["reg.io/a/b:v2@sha256:" + hex, "reg.io", "a/b", null, "sha256:" + hex],
    ["test-ref:model-1", "localhost", "test-ref", "model-1", null],
    // A relative path with a tag is a reference for kit: registry ".", repository "models/x".
    ["./models/x:champion", ".", "models/x", "champion", null],
    // kit does not lower-case the registry; oras accepts any host Go's URL parser accepts.
    ["REG.Example.com/a__b/c-d.e:TAG_1", "REG.Example.com", "a__b/c-d.e", "TAG_1", null],
  ])("%s", (ref, registry, repository, tag, digest) => {
    expect(parseModelKitReference(ref)).toMatchObject({ registry, repository, tag, digest });
  });

  it.each([
    ["whitespace inside", "reg.io/a b:1"],
    ["trailing newline", "reg.io/a:1\n"],
    ["upper-case repository", "reg.io/Org/repo:1"],
    ["bad tag", "reg.io/a:-bad"],
    ["tag too long", `reg.io/a:${"t".repeat(129)}`],
    ["short digest", "reg.io/a@sha256:abc"],
    ["unknown digest algorithm", `reg.io/a@md5:${hex.slice(0, 32)}`],
    ["double slash", "reg.io//a:1"],
    ["shell metacharacters", "reg.io/a;rm:1"],
    ["trailing separator", "reg.io/a-:1"],
    ["empty tag", "reg.io/a:"],
    ["userinfo in the registry", "user@reg.io/a:1"],
    ["non-numeric port", "reg.io:http/a:1"],
  ])("rejects %s", (_n, ref) => {
    expect(parseModelKitReference(ref)).toBeNull();
  });

  it("rejects hostile repository names in linear time (the literal oras grammar backtracks exponentially)", () => {
    // would take hours with `[a-z0-9]+(?:(?:[._]|__|[-]*)[a-z0-9]+)*`; the test timeout catches a regression
    expect(parseModelKitReference(`${"a".repeat(4000)}!:tag`)).toBeNull();
    expect(parseModelKitReference(`reg.io/${"a-".repeat(1500)}!:tag`)).toBeNull();
    expect(parseModelKitReference(`reg.io/${"ab".repeat(1000)}:tag`)).toMatchObject({ repository: "ab".repeat(1000) });
  });

  it.each([
    ["docker.io/kit-org/kit-repo:latest", true],
    ["./models/x:champion", true],
    ["repo:tag,extra", true],
    ["models/model.joblib", false],
    ["s3://bucket/key", false],
    ["https://example.com", false],
    ["data/train", false],
  ])("isModelKitReference(%s) = %s", (value, expected) => {
    expect(isModelKitReference(value)).toBe(expected);
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
