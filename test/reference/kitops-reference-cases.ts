// ModelKit references written for Kitgate, one per rule of kit's reference parsing (TestParseReference in
// pkg/artifact/util_test.go): registry defaulting to localhost, `tag,extra,tags`, digests with and without a
// repository, a tag ignored next to a digest, a host told apart from a first path segment. The inputs are ours.
import type { Origin } from "./origin";

const o = (rule: string): Origin => ({
  repo: "kitops-ml/kitops",
  path: "pkg/artifact/util_test.go",
  commit: "152f045595afe9ddc0e434b3a3619efb456a2672",
  case: `TestParseReference: ${rule}`,
});

const HEX = "3b7f0c5e".repeat(8);

export interface ReferenceCase {
  origin: Origin;
  input: string;
  /** null: kit returns an error */
  expected: { registry: string; repository: string; reference: string; extraTags: string[] } | null;
}

const ok = (rule: string, input: string, registry: string, repository: string, reference: string, extraTags: string[] = []): ReferenceCase =>
  ({ origin: o(rule), input, expected: { registry, repository, reference, extraTags } });

export const KIT_REFERENCE_CASES: ReferenceCase[] = [
  { origin: o("empty input is an error"), input: "", expected: null },
  ok("registry, namespace, repository and tag", "kits.example.org/ml-team/churn:v2", "kits.example.org", "ml-team/churn", "v2"),
  ok("extra tags after commas", "kits.example.org/ml-team/churn:v2,latest,stable", "kits.example.org", "ml-team/churn", "v2", ["latest", "stable"]),
  ok("no registry: localhost", "churn:v2,latest,stable", "localhost", "churn", "v2", ["latest", "stable"]),
  ok("a registry with a port", "localhost:5000/ml-team/churn:v2,latest,stable", "localhost:5000", "ml-team/churn", "v2", ["latest", "stable"]),
  ok("a bare digest", `sha256:${HEX}`, "localhost", "_", `sha256:${HEX}`),
  ok("a namespace without a registry", "ml-team/churn:v2,latest,stable", "localhost", "ml-team/churn", "v2", ["latest", "stable"]),
  ok("deep repository, no tag", "ml/team/churn/nightly", "localhost", "ml/team/churn/nightly", ""),
  ok("a host with a dot before a deep repository", "kits.example.com/ml/team/churn/nightly", "kits.example.com", "ml/team/churn/nightly", ""),
  ok("repository and digest", `churn@sha256:${HEX}`, "localhost", "churn", `sha256:${HEX}`),
  ok("a tag next to a digest is ignored", `churn:ignored@sha256:${HEX}`, "localhost", "churn", `sha256:${HEX}`),
  ok("namespace, repository and digest", `ml-team/churn@sha256:${HEX}`, "localhost", "ml-team/churn", `sha256:${HEX}`),
  ok("a first segment with a dot is a registry", `ml-team.io/churn@sha256:${HEX}`, "ml-team.io", "churn", `sha256:${HEX}`),
];
