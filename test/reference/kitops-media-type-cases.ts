// Layer and config media types, generated here from the grammar kit's parsers accept
// (pkg/lib/constants/mediatype: `<base>.<kind>.v1.<format>[+<compression>]`), plus one wrong part at a time.
// Each row names the kit test whose rule it checks.
import type { Origin } from "./origin";

const COMMIT = "1d504911192c745ab7f74b5998fbc39585c2ccc7";
const kitO = (test: string): Origin => ({ repo: "kitops-ml/kitops", path: "pkg/lib/constants/mediatype/kitops_test.go", commit: COMMIT, case: test });
const mpO = (test: string): Origin => ({ repo: "kitops-ml/kitops", path: "pkg/lib/constants/mediatype/modelpack_test.go", commit: COMMIT, case: test });

export interface MediaTypeCase {
  origin: Origin;
  mediaType: string;
  /** null: kit parses it; otherwise the Go regexp kit's error must match */
  errRegexp: string | null;
}

const KIT = "application/vnd.kitops.modelkit";
const MP = "application/vnd.cncf.model";

/** kit's own types: tar layers, uncompressed or gzip */
const kitValid = [`${KIT}.config.v1+json`, ...["model", "modelpart", "dataset", "code", "docs"].flatMap((kind) => [`${KIT}.${kind}.v1.tar`, `${KIT}.${kind}.v1.tar+gzip`])];
/** ModelPack types: raw files, or tar uncompressed, gzip or zstd */
const modelPackValid = [
  `${MP}.config.v1+json`,
  ...["weight", "weight.config", "doc", "code", "dataset"].flatMap((kind) => ["raw", "tar", "tar+gzip", "tar+zstd"].map((f) => `${MP}.${kind}.v1.${f}`)),
];

export const KIT_MEDIA_TYPE_CASES: MediaTypeCase[] = [
  ...kitValid.map((mediaType) => ({ origin: kitO("TestParseKitopsMediaType"), mediaType, errRegexp: null })),
  { origin: kitO("TestParseKitopsInvalidType"), mediaType: `${KIT}.checkpoint.v1.tar`, errRegexp: "invalid base type" },
  { origin: kitO("TestParseKitopsInvalidType"), mediaType: `${KIT}.dataset.v1.tar+lz4`, errRegexp: "invalid compression" },
  // kit's own test expects "unrecognized media type" from an older parser; the current parser
  // (mediatype.go) reports the format, which is what Kitgate says.
  { origin: kitO("TestParseKitopsInvalidType"), mediaType: `${KIT}.code.v1.zip`, errRegexp: "unrecognized media type|invalid format" },
  ...modelPackValid.map((mediaType) => ({ origin: mpO("TestParseModelPackMediaType"), mediaType, errRegexp: null })),
  { origin: mpO("TestParseModelPackInvalidType"), mediaType: `${MP}.checkpoint.v1.tar`, errRegexp: "invalid base type" },
  { origin: mpO("TestParseModelPackInvalidType"), mediaType: `${MP}.dataset.v1.tar+lz4`, errRegexp: "invalid compression" },
  { origin: mpO("TestParseModelPackInvalidType"), mediaType: `${MP}.doc.v1.zip`, errRegexp: "invalid format" },
];
