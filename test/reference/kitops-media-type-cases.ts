// kit's own media-type parsing cases (pkg/lib/constants/mediatype/{kitops,modelpack}_test.go), re-typed.
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

const kitValid = [
  "application/vnd.kitops.modelkit.config.v1+json",
  "application/vnd.kitops.modelkit.model.v1.tar",
  "application/vnd.kitops.modelkit.model.v1.tar+gzip",
  "application/vnd.kitops.modelkit.modelpart.v1.tar",
  "application/vnd.kitops.modelkit.modelpart.v1.tar+gzip",
  "application/vnd.kitops.modelkit.dataset.v1.tar",
  "application/vnd.kitops.modelkit.dataset.v1.tar+gzip",
  "application/vnd.kitops.modelkit.code.v1.tar",
  "application/vnd.kitops.modelkit.code.v1.tar+gzip",
  "application/vnd.kitops.modelkit.docs.v1.tar",
  "application/vnd.kitops.modelkit.docs.v1.tar+gzip",
];
const modelPackValid = [
  "application/vnd.cncf.model.config.v1+json",
  "application/vnd.cncf.model.weight.v1.raw",
  "application/vnd.cncf.model.weight.v1.tar",
  "application/vnd.cncf.model.weight.v1.tar+gzip",
  "application/vnd.cncf.model.weight.v1.tar+zstd",
  "application/vnd.cncf.model.weight.config.v1.raw",
  "application/vnd.cncf.model.weight.config.v1.tar",
  "application/vnd.cncf.model.weight.config.v1.tar+gzip",
  "application/vnd.cncf.model.weight.config.v1.tar+zstd",
  "application/vnd.cncf.model.doc.v1.raw",
  "application/vnd.cncf.model.doc.v1.tar",
  "application/vnd.cncf.model.doc.v1.tar+gzip",
  "application/vnd.cncf.model.doc.v1.tar+zstd",
  "application/vnd.cncf.model.code.v1.raw",
  "application/vnd.cncf.model.code.v1.tar",
  "application/vnd.cncf.model.code.v1.tar+gzip",
  "application/vnd.cncf.model.code.v1.tar+zstd",
  "application/vnd.cncf.model.dataset.v1.raw",
  "application/vnd.cncf.model.dataset.v1.tar",
  "application/vnd.cncf.model.dataset.v1.tar+gzip",
  "application/vnd.cncf.model.dataset.v1.tar+zstd",
];

export const KIT_MEDIA_TYPE_CASES: MediaTypeCase[] = [
  ...kitValid.map((mediaType) => ({ origin: kitO("TestParseKitopsMediaType"), mediaType, errRegexp: null })),
  { origin: kitO("TestParseKitopsInvalidType"), mediaType: "application/vnd.kitops.modelkit.badbase.v1.tar", errRegexp: "invalid base type" },
  { origin: kitO("TestParseKitopsInvalidType"), mediaType: "application/vnd.kitops.modelkit.model.v1.tar+badCompression", errRegexp: "invalid compression" },
  // kit's message here is "unrecognized media type" only because its test runs an older parser; the
  // current parser (mediatype.go) reports the format, which is what Kitgate says.
  { origin: kitO("TestParseKitopsInvalidType"), mediaType: "application/vnd.kitops.modelkit.model.v1.badFormat", errRegexp: "unrecognized media type|invalid format" },
  ...modelPackValid.map((mediaType) => ({ origin: mpO("TestParseModelPackMediaType"), mediaType, errRegexp: null })),
  { origin: mpO("TestParseModelPackInvalidType"), mediaType: "application/vnd.cncf.model.badbase.v1.tar", errRegexp: "invalid base type" },
  { origin: mpO("TestParseModelPackInvalidType"), mediaType: "application/vnd.cncf.model.weight.v1.tar+badCompression", errRegexp: "invalid compression" },
  { origin: mpO("TestParseModelPackInvalidType"), mediaType: "application/vnd.cncf.model.weight.v1.badFormat", errRegexp: "invalid format" },
];
