// kit's own reference-parsing cases (TestParseReference in pkg/artifact/util_test.go), re-typed as data.
import type { Origin } from "./origin";

const o = (input: string): Origin => ({
  repo: "kitops-ml/kitops",
  path: "pkg/artifact/util_test.go",
  commit: "152f045595afe9ddc0e434b3a3619efb456a2672",
  case: `TestParseReference ${JSON.stringify(input)}`,
});

const HEX = "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a";

export interface ReferenceCase {
  origin: Origin;
  input: string;
  /** null: kit returns an error */
  expected: { registry: string; repository: string; reference: string; extraTags: string[] } | null;
}

const ok = (input: string, registry: string, repository: string, reference: string, extraTags: string[] = []): ReferenceCase =>
  ({ origin: o(input), input, expected: { registry, repository, reference, extraTags } });

export const KIT_REFERENCE_CASES: ReferenceCase[] = [
  { origin: o(""), input: "", expected: null },
  ok("testregistry.io/test-organization/test-repository:test-tag", "testregistry.io", "test-organization/test-repository", "test-tag"),
  ok("testregistry.io/test-organization/test-repository:test-tag,extraTag1,extraTag2", "testregistry.io", "test-organization/test-repository", "test-tag", ["extraTag1", "extraTag2"]),
  ok("test-repository:test-tag,extraTag1,extraTag2", "localhost", "test-repository", "test-tag", ["extraTag1", "extraTag2"]),
  ok("localhost:5000/test-organization/test-repository:test-tag,extraTag1,extraTag2", "localhost:5000", "test-organization/test-repository", "test-tag", ["extraTag1", "extraTag2"]),
  ok(`sha256:${HEX}`, "localhost", "_", `sha256:${HEX}`),
  ok("test-organization/test-repository:test-tag,extraTag1,extraTag2", "localhost", "test-organization/test-repository", "test-tag", ["extraTag1", "extraTag2"]),
  ok("a/b/c/d", "localhost", "a/b/c/d", ""),
  ok("test.io/a/b/c/d", "test.io", "a/b/c/d", ""),
  ok(`testrepo@sha256:${HEX}`, "localhost", "testrepo", `sha256:${HEX}`),
  ok(`testrepo:ignoredtag@sha256:${HEX}`, "localhost", "testrepo", `sha256:${HEX}`),
  ok(`testorg/testrepo@sha256:${HEX}`, "localhost", "testorg/testrepo", `sha256:${HEX}`),
  ok(`testorg.com/testrepo@sha256:${HEX}`, "testorg.com", "testrepo", `sha256:${HEX}`),
];
