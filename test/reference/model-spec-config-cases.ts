// ModelPack config cases written for Kitgate: one valid config of our own, and one change to it per rule that
// model-spec's docs/config.md states (field types, required parts, modalities, RFC 3339 dates, ISO 639-1
// language codes, no unknown fields). Each row cites the part of the spec whose rule it checks and, for an
// invalid case, the JSON pointer the violation must be reported at. Used by lib/modelkit/reference-cases.test.ts.
import type { Origin } from "./origin";

const COMMIT = "d78bf3231b4f26196c4a955e1007ccc47e19a77c";
const rule = (section: string): Origin => ({ repo: "modelpack/model-spec", path: "docs/config.md", commit: COMMIT, case: section });

export interface ConfigSchemaCase {
  origin: Origin;
  /** what the case changes, in words */
  name: string;
  /** the JSON pointer a violation must name; null for a config that follows the rules */
  invalidAt: string | null;
  config: unknown;
}

const DIFF_IDS = [`sha256:${"4e1f".repeat(16)}`, `sha256:${"07c3".repeat(16)}`];

/** A small config that follows every rule; each case below changes one thing in it. */
const BASE = {
  descriptor: { name: "churn-classifier", version: "2.4" },
  config: { paramSize: "120m" },
  modelfs: { type: "layers", diffIds: [DIFF_IDS[0]] },
};

const REMOVE = Symbol("remove");

/** BASE with the value at `path` replaced (or removed), parents created as needed. */
function changed(path: string, value: unknown): unknown {
  const out = structuredClone(BASE) as Record<string, unknown>;
  const keys = path.split(".");
  let at = out;
  for (const key of keys.slice(0, -1)) {
    if (typeof at[key] !== "object" || at[key] === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1]!;
  if (value === REMOVE) delete at[last];
  else at[last] = value;
  return out;
}

const invalid = (section: string, name: string, path: string, value: unknown, invalidAt: string): ConfigSchemaCase => ({
  origin: rule(section),
  name,
  invalidAt,
  config: changed(path, value),
});

export const MODEL_SPEC_CONFIG_CASES: ConfigSchemaCase[] = [
  // required parts
  invalid("Properties: config (required)", "config is missing", "config", REMOVE, "/config"),
  invalid("Properties: descriptor (required)", "descriptor is missing", "descriptor", REMOVE, "/descriptor"),
  invalid("Properties: modelfs (required)", "modelfs is missing", "modelfs", REMOVE, "/modelfs"),
  invalid("Properties: config", "config is a string", "config", "transformer", "/config"),
  invalid("Properties", "an unknown top-level field", "labels", { team: "growth" }, ""),
  // descriptor
  invalid("descriptor.version", "version is a number", "descriptor.version", 2.4, "/descriptor/version"),
  invalid("descriptor.revision", "revision is a number", "descriptor.revision", 20250304, "/descriptor/revision"),
  invalid("descriptor.createdAt (RFC 3339)", "createdAt uses slashes", "descriptor.createdAt", "2025/03/04 10:15:00", "/descriptor/createdAt"),
  invalid("descriptor.createdAt (RFC 3339)", "createdAt is a date without a time", "descriptor.createdAt", "2025-03-04", "/descriptor/createdAt"),
  invalid("descriptor.createdAt (RFC 3339)", "createdAt is 30 February", "descriptor.createdAt", "2025-02-30T08:00:00Z", "/descriptor/createdAt"),
  invalid("descriptor.createdAt (RFC 3339)", "createdAt has no time zone", "descriptor.createdAt", "2025-03-04T10:15:00", "/descriptor/createdAt"),
  invalid("descriptor.authors", "authors is one string", "descriptor.authors", "Ana Ruiz", "/descriptor/authors"),
  invalid("descriptor.authors", "an author is an object", "descriptor.authors", ["Ana Ruiz", { email: "ana@example.org" }], "/descriptor/authors/1"),
  invalid("descriptor.licenses", "licenses is one string", "descriptor.licenses", "MIT", "/descriptor/licenses"),
  invalid("descriptor.docURL", "docURL is a list", "descriptor.docURL", ["https://docs.example.org/churn"], "/descriptor/docURL"),
  invalid("descriptor.sourceURL", "sourceURL is an object", "descriptor.sourceURL", { git: "https://git.example.org/churn" }, "/descriptor/sourceURL"),
  invalid("descriptor.datasetsURL", "datasetsURL is one string", "descriptor.datasetsURL", "https://data.example.org/churn", "/descriptor/datasetsURL"),
  invalid("descriptor.name", "name is empty", "descriptor.name", "", "/descriptor/name"),
  invalid("descriptor", "an unknown descriptor field", "descriptor.homepage", "https://example.org", "/descriptor"),
  // config
  invalid("config.paramSize", "paramSize is a number", "config.paramSize", 120000000, "/config/paramSize"),
  invalid("config.precision", "precision is a number", "config.precision", 8, "/config/precision"),
  invalid("config.architecture", "architecture is null", "config.architecture", null, "/config/architecture"),
  invalid("config", "an unknown config field", "config.framework", "sklearn", "/config"),
  // capabilities
  invalid("config.capabilities.inputTypes", "inputTypes is one string", "config.capabilities.inputTypes", "text", "/config/capabilities/inputTypes"),
  invalid("config.capabilities.outputTypes", "an output type is not a modality", "config.capabilities.outputTypes", ["text", "speech"], "/config/capabilities/outputTypes/1"),
  invalid("config.capabilities.inputTypes", "modalities are lower case", "config.capabilities.inputTypes", ["Text"], "/config/capabilities/inputTypes/0"),
  invalid("config.capabilities.knowledgeCutoff (RFC 3339)", "knowledgeCutoff is a month", "config.capabilities.knowledgeCutoff", "2024-06", "/config/capabilities/knowledgeCutoff"),
  invalid("config.capabilities.reasoning", "reasoning is a string", "config.capabilities.reasoning", "yes", "/config/capabilities/reasoning"),
  invalid("config.capabilities.toolUsage", "toolUsage is a number", "config.capabilities.toolUsage", 1, "/config/capabilities/toolUsage"),
  invalid("config.capabilities.reward", "reward is a string", "config.capabilities.reward", "false", "/config/capabilities/reward"),
  invalid("config.capabilities.languages", "languages is one string", "config.capabilities.languages", "de", "/config/capabilities/languages"),
  invalid("config.capabilities.languages (ISO 639-1)", "a three-letter language code", "config.capabilities.languages", ["de", "deu"], "/config/capabilities/languages/1"),
  invalid("config.capabilities.languages (ISO 639-1)", "an upper-case language code", "config.capabilities.languages", ["DE"], "/config/capabilities/languages/0"),
  invalid("config.capabilities", "an unknown capability", "config.capabilities.streaming", true, "/config/capabilities"),
  // modelfs
  invalid("modelfs.type", "type is not \"layers\"", "modelfs.type", "tar", "/modelfs/type"),
  invalid("modelfs.type (required)", "type is missing", "modelfs.type", REMOVE, "/modelfs/type"),
  invalid("modelfs.diffIds", "diffIds is one string", "modelfs.diffIds", DIFF_IDS[0], "/modelfs/diffIds"),
  invalid("modelfs.diffIds", "diffIds is empty", "modelfs.diffIds", [], "/modelfs/diffIds"),
  invalid("modelfs.diffIds", "a diff id is a number", "modelfs.diffIds", [DIFF_IDS[0], 7], "/modelfs/diffIds/1"),
  // configs that follow the rules
  { origin: rule("Properties"), name: "only the required parts, all empty where the spec allows", invalidAt: null, config: { descriptor: {}, config: {}, modelfs: BASE.modelfs } },
  { origin: rule("Properties"), name: "the base config", invalidAt: null, config: BASE },
  { origin: rule("config.capabilities"), name: "a vision model: every modality", invalidAt: null, config: changed("config.capabilities", { inputTypes: ["text", "image", "audio", "video"], outputTypes: ["embedding", "other"] }) },
  { origin: rule("descriptor.createdAt (RFC 3339)"), name: "createdAt with a fraction and an offset", invalidAt: null, config: changed("descriptor.createdAt", "2025-03-04T10:15:30.25+02:00") },
  { origin: rule("descriptor.createdAt (RFC 3339)"), name: "createdAt on a leap day", invalidAt: null, config: changed("descriptor.createdAt", "2024-02-29T23:59:59Z") },
  { origin: rule("descriptor.authors"), name: "empty lists", invalidAt: null, config: changed("descriptor.authors", []) },
];

/** A config with every field the spec defines, each with a value of its type. */
export const MODEL_SPEC_FULL_CONFIG = {
  origin: rule("Properties (every field)"),
  config: {
    descriptor: {
      createdAt: "2025-03-04T10:15:00Z",
      authors: ["Ana Ruiz <ana@example.org>", "Ops Team"],
      vendor: "Review Lab",
      family: "churn",
      name: "churn-classifier",
      version: "2.4",
      title: "Churn classifier",
      description: "Predicts which customers cancel within 90 days.",
      docURL: "https://docs.example.org/churn",
      sourceURL: "https://git.example.org/ml/churn",
      datasetsURL: ["https://data.example.org/churn/2025q1"],
      revision: "9c41d7e",
      licenses: ["Apache-2.0", "CC-BY-4.0"],
    },
    config: {
      architecture: "gradient-boosted trees",
      format: "onnx",
      paramSize: "120m",
      precision: "float32",
      quantization: "none",
      capabilities: {
        inputTypes: ["text"],
        outputTypes: ["text", "embedding"],
        knowledgeCutoff: "2025-01-31T00:00:00Z",
        reasoning: false,
        toolUsage: true,
        reward: false,
        languages: ["en", "es"],
      },
    },
    modelfs: { type: "layers", diffIds: DIFF_IDS },
  },
};

/** A ModelPack manifest whose layers carry no filepath annotation (model-spec does not require one; kit does). */
export const MODEL_SPEC_MANIFEST_WITHOUT_FILEPATHS = {
  origin: { repo: "modelpack/model-spec", path: "docs/spec.md", commit: COMMIT, case: "Layers (annotations optional)" } satisfies Origin,
  manifest: {
    schemaVersion: 2,
    mediaType: "application/vnd.oci.image.manifest.v1+json",
    artifactType: "application/vnd.cncf.model.manifest.v1+json",
    config: { mediaType: "application/vnd.cncf.model.config.v1+json", digest: `sha256:${"c0".repeat(32)}`, size: 412 },
    layers: [
      { mediaType: "application/vnd.cncf.model.weight.v1.tar", digest: `sha256:${"a1".repeat(32)}`, size: 18_204_160 },
      { mediaType: "application/vnd.cncf.model.weight.v1.tar", digest: `sha256:${"a2".repeat(32)}`, size: 7_340_032 },
      { mediaType: "application/vnd.cncf.model.weight.config.v1.tar", digest: `sha256:${"b1".repeat(32)}`, size: 2_048 },
      { mediaType: "application/vnd.cncf.model.doc.v1.tar", digest: `sha256:${"d1".repeat(32)}`, size: 10_240 },
    ],
  },
};
