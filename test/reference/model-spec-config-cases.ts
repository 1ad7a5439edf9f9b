// model-spec's own test cases for its config JSON schema, re-typed as data: each row names the file, the
// commit and the line of the case it came from. Used by lib/modelkit/read-model-card.test.ts.
import type { Origin } from "./origin";

const COMMIT = "d78bf3231b4f26196c4a955e1007ccc47e19a77c";
const o = (line: number, name: string): Origin => ({ repo: "modelpack/model-spec", path: "schema/config_test.go", commit: COMMIT, case: `TestConfig line ${line}: ${name}` });

export interface ConfigSchemaCase {
  origin: Origin;
  /** model-spec expects validation to fail */
  invalid: boolean;
  config: unknown;
}

export const MODEL_SPEC_CONFIG_CASES: ConfigSchemaCase[] = [
  { origin: o(31, "expected failure: config is missing"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(49, "expected failure: version is a number"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": 3.1}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(70, "expected failure: revision is a number"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1", "revision": 1234567890}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(92, "expected failure: createdAt is not RFC3339 format"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1", "createdAt": "2025/01/01T00:00:00Z"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(114, "expected failure: authors is not an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1", "authors": "John Doe"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(136, "expected failure: licenses is not an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1", "licenses": "Apache-2.0"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(158, "expected failure: docURL is an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1", "docURL": ["https://example.com/doc"]}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(182, "expected failure: sourceURL is an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1", "sourceURL": ["https://github.com/xyz/xyz3"]}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(206, "expected failure: datasetsURL is not an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1", "sourceURL": "https://github.com/xyz/xyz3", "datasetsURL": "https://example.com/dataset"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(229, "expected failure: paramSize is a number"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": 8000000}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(250, "expected failure: precision is a number"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"precision": 16}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(271, "expected failure: type is not \"layers\""), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layer", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(292, "expected failure: diffIds is not an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"}} },
  { origin: o(311, "expected failure: diffIds is empty"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": []}} },
  { origin: o(330, "expected failure: inputTypes is not an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": "text"}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(354, "expected failure: outputTypes is not an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"outputTypes": "text"}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(378, "expected failure: the element of inputTypes/outputTypes is not a valid type"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["img"]}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(402, "expected failure: knowledgeCutoff is not RFC3339 format"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["text"], "outputTypes": ["text"], "knowledgeCutoff": "2025-01-01"}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(428, "expected failure: reasoning is not boolean"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["text"], "outputTypes": ["text"], "reasoning": "true"}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(454, "expected failure: toolUsage is not boolean"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["text"], "outputTypes": ["text"], "toolUsage": "true"}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(480, "expected failure: reward is not boolean"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["text"], "outputTypes": ["text"], "reward": "true"}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(506, "expected failure: languages is not an array"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["text"], "outputTypes": ["text"], "languages": "en"}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(532, "expected failure: language code is not a two-letter ISO 639 code"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["text"], "outputTypes": ["text"], "languages": ["fra"]}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(558, "expected failure: unknown field in capabilities"), invalid: true, config: {"descriptor": {"name": "xyz-3-8B-Instruct", "version": "3.1"}, "config": {"paramSize": "8b", "capabilities": {"inputTypes": ["text"], "unknownField": true}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(583, "valid: minimal config with required fields only"), invalid: false, config: {"descriptor": {"name": "xyz-3-8B-Instruct"}, "config": {"paramSize": "8b"}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
  { origin: o(603, "valid: full config with all optional fields populated"), invalid: false, config: {"descriptor": {"createdAt": "2025-01-01T00:00:00Z", "authors": ["xyz@xyz.com"], "vendor": "XYZ Corp.", "family": "xyz3", "name": "xyz-3-8B-Instruct", "version": "3.1", "title": "XYZ 3 8B Instruct", "description": "xyz is a large language model.", "docURL": "https://www.xyz.com/get-started/", "sourceURL": "https://github.com/xyz/xyz3", "datasetsURL": ["https://www.xyz.com/datasets/"], "revision": "1234567890", "licenses": ["Apache-2.0"]}, "config": {"architecture": "transformer", "format": "safetensors", "paramSize": "8b", "precision": "float16", "quantization": "gptq", "capabilities": {"inputTypes": ["text"], "outputTypes": ["text"], "knowledgeCutoff": "2024-05-21T00:00:00Z", "reasoning": true, "toolUsage": false}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef", "sha256:abcdef1234567890abcdef1234567890abcdef1234567890abcdef1234567890"]}} },
  { origin: o(647, "valid: multimodal model with image input and output"), invalid: false, config: {"descriptor": {"name": "xyz-vl-7B"}, "config": {"architecture": "transformer", "paramSize": "7b", "capabilities": {"inputTypes": ["text", "image"], "outputTypes": ["text", "image", "embedding"]}}, "modelfs": {"type": "layers", "diffIds": ["sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef"]}} },
];

/** The example in docs/config.md (model-spec's example_test.go validates it against the schema). */
export const MODEL_SPEC_CONFIG_EXAMPLE = {
  origin: { repo: "modelpack/model-spec", path: "docs/config.md", commit: COMMIT, case: "Example (Model Config JSON)" } satisfies Origin,
  config: {
    "descriptor": {
      "createdAt": "2025-01-01T00:00:00Z",
      "authors": [
        "xyz@xyz.com"
      ],
      "vendor": "XYZ Corp.",
      "family": "xyz3",
      "name": "xyz-3-8B-Instruct",
      "version": "3.1",
      "title": "XYZ 3 8B Instruct",
      "description": "xyz is a large language model.",
      "docURL": "https://www.xyz.com/get-started/",
      "sourceURL": "https://github.com/xyz/xyz3",
      "datasetsURL": [
        "https://www.xyz.com/datasets/"
      ],
      "revision": "1234567890",
      "licenses": [
        "Apache-2.0"
      ]
    },
    "config": {
      "architecture": "transformer",
      "format": "pt",
      "paramSize": "8b",
      "precision": "float16",
      "quantization": "gptq",
      "capabilities": {
        "inputTypes": [
          "text"
        ],
        "outputTypes": [
          "text",
          "image"
        ],
        "knowledgeCutoff": "2024-05-21T00:00:00Z",
        "reasoning": true,
        "toolUsage": false,
        "reward": false,
        "languages": [
          "en",
          "zh"
        ]
      }
    },
    "modelfs": {
      "type": "layers",
      "diffIds": [
        "sha256:1234567890abcdef1234567890abcdef1234567890abcdef1234567890abcdef",
        "sha256:abcdef1234567890abcdef1234567890abcdef1234567890abcdef1234567890"
      ]
    }
  },
};

/** The example image manifest in docs/spec.md: a ModelPack whose layers carry no filepath annotation. */
export const MODEL_SPEC_MANIFEST_EXAMPLE = {
  origin: { repo: "modelpack/model-spec", path: "docs/spec.md", commit: COMMIT, case: "Example Image Manifest For Model Artifacts" } satisfies Origin,
  manifest: {
    "schemaVersion": 2,
    "mediaType": "application/vnd.oci.image.manifest.v1+json",
    "artifactType": "application/vnd.cncf.model.manifest.v1+json",
    "config": {
      "mediaType": "application/vnd.cncf.model.config.v1+json",
      "digest": "sha256:d5815835051dd97d800a03f641ed8162877920e734d3d705b698912602b8c763",
      "size": 301
    },
    "layers": [
      {
        "mediaType": "application/vnd.cncf.model.weight.v1.tar",
        "digest": "sha256:3f907c1a03bf20f20355fe449e18ff3f9de2e49570ffb536f1a32f20c7179808",
        "size": 30327160
      },
      {
        "mediaType": "application/vnd.cncf.model.weight.v1.tar",
        "digest": "sha256:6d923539c5c208de77146335584252c0b1b81e35c122dd696fe6e04ed03d7411",
        "size": 5018536960
      },
      {
        "mediaType": "application/vnd.cncf.model.weight.config.v1.tar",
        "digest": "sha256:a5378e569c625f7643952fcab30c74f2a84ece52335c292e630f740ac4694146",
        "size": 106
      },
      {
        "mediaType": "application/vnd.cncf.model.doc.v1.tar",
        "digest": "sha256:5e236ec37438b02c01c83d134203a646cb354766ac294e533a308dd8caa3a11e",
        "size": 23040
      }
    ]
  },
};
