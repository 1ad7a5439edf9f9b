// Kitfiles written for Kitgate, one per rule of kit's Kitfile validation. Each row names the case in kit's
// validation test data (pkg/artifact/testdata/validation/<name>.yaml) whose rule it checks, and the error kit
// reports for that rule (a Go regexp; "" = kit accepts the Kitfile). The Kitfiles themselves are ours.
import type { Origin } from "./origin";

export interface KitValidationCase {
  origin: Origin;
  kitfile: string;
  /** kit's expected error as a Go regexp; "" means kit accepts the Kitfile */
  errRegexp: string;
}

const o = (name: string, commit: string): Origin => ({ repo: "kitops-ml/kitops", path: `pkg/artifact/testdata/validation/${name}.yaml`, commit });
const c = (name: string, commit: string, body: string, errRegexp: string): KitValidationCase => ({
  origin: o(name, commit),
  kitfile: `manifestVersion: 1.0.0\n${body}`,
  errRegexp,
});

const B9 = "b9ad61f9c07f819adedda8be0afbadc40ec52c3b";
const F58 = "580e0370a50a13558fe339f5c2dfd5ff6d347ee0";
const MCP = "bf4b9bc74fa0e9dca616f7ef10632849ce4e310a";
const MCPB = "0cbcf21a2e355bfae9b054482b0567d1d7fd6451";
const CTX = "1abb877236aa8c1c853e760c0c9c2b98d3d7984e";
const REMOTE = "475ff1d4efe302bae896cfa203247d2ed1473523";
const KIT_REF = "registry.example.org/ml/feature-store:2025-03";

export const KIT_VALIDATION_CASES: KitValidationCase[] = [
  c("absolute-path-for-prompts", CTX, "prompts:\n  - path: /srv/prompts/system/\n", "absolute paths are not supported in a Kitfile"),
  { origin: o("bad-manifest-version", F58), kitfile: "manifestVersion: 3.1.4\n", errRegexp: "invalid manifestVersion" },
  c("duplicate-path-in-kitfile_1", B9, "datasets:\n  - path: features\ncode:\n  - path: features\n", "use the same path features"),
  c("duplicate-path-in-kitfile_2", B9, "model:\n  path: weights\ncode:\n  - path: weights\n", "use the same path weights"),
  c("duplicate-path-in-kitfile_3", B9, "model:\n  path: weights/\ndatasets:\n  - path: weights\n", "use the same path weights"),
  c("duplicate-path-in-kitfile_4", B9, "model:\n  path: weights/\n  parts:\n    - path: ./weights\n", "use the same path weights"),
  c("duplicate-path-in-kitfile_5", B9, "model:\n  path: weights/\n  parts:\n    - path: ./exports/onnx/../../weights\n", "use the same path weights"),
  c("duplicate-path-with-mcpserver", MCP, "code:\n  - path: search-tools.mcpb\nmcpServers:\n  - name: search-tools\n    path: search-tools.mcpb\n", "use the same path search-tools.mcpb"),
  c("http-path-for-code", B9, "code:\n  - path: https://git.example.org/churn\n", "invalid path for code.*HTTP urls are not supported in paths"),
  c("http-path-for-datasets", F58, "datasets:\n  - path: http://data.example.org/churn.csv\n", "invalid path for dataset.*HTTP urls are not supported in paths"),
  c("http-path-for-docs", B9, "docs:\n  - path: https://docs.example.org/churn\n", "invalid path for doc.*HTTP urls are not supported in paths"),
  c("http-path-for-model", B9, "model:\n  path: https://models.example.org/churn.onnx\n", "invalid path for model.*HTTP urls are not supported in paths"),
  c("http-path-for-modelpart", B9, "model:\n  path: weights\n  parts:\n  - path: https://models.example.org/adapter.bin\n", "invalid path for model part.*HTTP urls are not supported in paths"),
  c("http-path-for-prompts", B9, "prompts:\n  - path: https://prompts.example.org/system.md\n", "invalid path for prompt.*HTTP urls are not supported in paths"),
  c("invalid-model-part-type-length", B9, `model:\n  path: weights\n  parts:\n    - path: adapter\n      type: lora-adapter-${"x".repeat(60)}\n`, "type is too long "),
  c("invalid-model-part-type", B9, "model:\n  path: weights\n  parts:\n    - path: adapter\n      type: low rank\n", "has invalid type"),
  c("mcpserver-duplicate-name", MCP, "mcpServers:\n  - name: search\n    path: search.mcpb\n  - name: search\n    path: search-v2.mcpb\n", "duplicate mcpServer name search"),
  c("mcpserver-missing-name", MCP, "mcpServers:\n  - path: calendar.mcpb\n", "mcpServer with path calendar.mcpb must have a name"),
  c("mcpserver-non-mcpb-path", MCPB, "mcpServers:\n  - name: calendar\n    path: calendar.tar.gz\n", "invalid path for mcpServer.*path must point to a single .mcpb file"),
  c("mcpserver-valid", MCPB, "mcpServers:\n  - name: calendar\n    path: calendar.mcpb\n  - name: tickets\n    path: tools/tickets.mcpb\n", ""),
  c("modelkit-ref-for-code", B9, `code:\n  - path: ${KIT_REF}\n`, "invalid path for code.*only local paths are permitted"),
  c("modelkit-ref-for-datasets", F58, `datasets:\n  - path: ${KIT_REF}\n`, "invalid path for dataset.*only local paths are permitted"),
  c("modelkit-ref-for-docs", B9, `docs:\n  - path: ${KIT_REF}\n`, "invalid path for doc.*only local paths are permitted"),
  c("modelkit-ref-for-model", B9, `model:\n  path: ${KIT_REF}\n`, ""),
  c("modelkit-ref-for-modelpart", F58, `model:\n  path: weights\n  parts:\n  - path: ${KIT_REF}\n`, "invalid path for model part.*only local paths are permitted"),
  c("modelkit-ref-for-prompts", B9, `prompts:\n  - path: ${KIT_REF}\n`, "invalid path for prompt.*only local paths are permitted"),
  c("relative-path-outside-context-for-datasets", CTX, "datasets:\n  - path: features/../../shared/train\n", "paths outside the context directory are not supported in a Kitfile \\(path ../shared/train in dataset layer 0\\)"),
  c("relative-path-outside-context-for-prompts", CTX, "prompts:\n  - path: ../team-prompts/support/\n", "paths outside the context directory are not supported in a Kitfile \\(path ../team-prompts/support in prompt layer 0\\)"),
  c("relative-path-within-context-allowed", "9825ef15c503e4848b974e874a2735abf2824288", "code:\n  - path: notebooks/../src\nprompts:\n  - path: ./prompts/support/\n", ""),
  c("remote-dataset-collides-with-code", REMOTE, `datasets:\n  - path: features/raw\n    remotePath: ${KIT_REF}\ncode:\n  - path: features/raw/loaders\n`, "uses a path \\(features[\\\\/]raw[\\\\/]loaders\\) that is within the path for a remote dataset"),
  c("remote-dataset-collides-with-model", REMOTE, `model:\n  path: features/raw/churn.onnx\ndatasets:\n  - path: features/raw\n    remotePath: ${KIT_REF}\n`, "uses a path \\(features[\\\\/]raw[\\\\/]churn.onnx\\) that is within the path for a remote dataset"),
  c("remote-dataset-collides-with-nested-dataset", "950d73e094cb71a5c99582153191438df34ce32b", `datasets:\n  - path: features/raw\n    remotePath: ${KIT_REF}\n  - path: features/raw/2025\n`, "uses a path \\(features[\\\\/]raw[\\\\/]2025\\) that is within the path for a remote dataset"),
  c("remote-dataset-modelkit-ref", "daa01fcbc270a4a77239075d55020340679e6230", `datasets:\n  - path: features/raw\n    remotePath: ${KIT_REF}\n`, ""),
  c("remote-dataset-must-use-s3", F58, "datasets:\n  - path: features/raw\n    remotePath: churn-data.blob.core.windows.net/raw\n    remoteHash: 5d41402a\n", "only S3 URLs are supported for remote dataset paths"),
  c("remote-dataset-requires-hash", B9, "datasets:\n  - path: features/raw\n    remotePath: s3://churn-data/raw/2025\n", "remoteHash is required when remote dataset paths are used"),
  c("remote-dataset-sibling-paths-allowed", "819060f095c39f55248833fabd1bbeb1d1159b95", `model:\n  path: weights/churn.onnx\ndatasets:\n  - path: features/raw\n    remotePath: ${KIT_REF}\n  - path: features/raw-holdout\n  - path: features/clean\ncode:\n  - path: src\n`, ""),
  c("remote-datasets-supported", F58, "datasets:\n  - path: features/raw\n    remotePath: s3://churn-data/raw/2025\n    remoteHash: 5d41402a\n", ""),
  c("s3-path-for-code", F58, "code:\n  - path: s3://churn-code/src\n", "invalid path for code.*only local paths are permitted"),
  c("s3-path-for-datasets", F58, "datasets:\n  - path: s3://churn-data/raw\n", "invalid path for dataset.*only local paths are permitted"),
  c("s3-path-for-docs", B9, "docs:\n  - path: s3://churn-docs/README.md\n", "invalid path for doc.*only local paths are permitted"),
  c("s3-path-for-mcpserver", MCPB, "mcpServers:\n  - name: calendar\n    path: s3://churn-tools/calendar.mcpb\n", "invalid path for mcpServer.*only local paths are permitted"),
  c("s3-path-for-model", B9, "model:\n  path: s3://churn-models/churn.onnx\n", "invalid path for model.*only local paths and ModelKit references are permitted"),
  c("s3-path-for-modelpart", B9, "model:\n  path: weights\n  parts:\n  - path: s3://churn-models/adapter.bin\n", "invalid path for model part.*only local paths are permitted"),
  c("s3-path-for-prompts", B9, "prompts:\n  - path: s3://churn-prompts/system.md\n", "invalid path for prompt.*only local paths are permitted"),
];
