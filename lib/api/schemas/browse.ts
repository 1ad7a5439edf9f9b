// Registries, repositories, versions, one ModelKit and its files (lib/data/dto.ts, lib/modelkit/types.ts).
import { z } from "zod";
import { annotations, count, digest, page } from "./common";
import { named } from "./components";

const nullableString = z.string().nullable();

export const registrySchema = named(
  "Registry",
  z.strictObject({
    name: z.string(),
    kind: z.enum(["remote", "oci-layout"]),
    location: z.string().describe("remote URL (never credentials) or `embedded`"),
    capabilities: z.strictObject({
      catalog: z.boolean(),
      referrersApi: z.union([z.boolean(), z.literal("unknown")]),
      tagPagination: z.boolean(),
      range: z.boolean(),
    }),
  }),
);

export const repositorySchema = named("Repository", z.strictObject({ registry: z.string(), name: z.string() }));
export const repositoryPageSchema = page(repositorySchema);

const scanSeverity = z.enum(["info", "anomaly", "concern", "error"]);
export { scanSeverity };

export const attestationBadgeSchema = named(
  "AttestationBadge",
  z.discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("unsigned"), label: z.string() }),
    z.strictObject({ kind: z.literal("failed"), label: z.string() }),
    z.strictObject({ kind: z.literal("unverified"), label: z.string() }),
    z.strictObject({ kind: z.literal("verified"), label: z.string(), worstSeverity: scanSeverity.nullable(), scanPassed: z.boolean().nullable() }),
  ]),
);

const artifactFormat = z.enum(["kit", "kit-legacy", "modelpack", "index", "image", "artifact"]);

export const versionSchema = named(
  "Version",
  z.strictObject({
    digest,
    tags: z.array(z.string()).describe("version tags pointing at this digest (referrer/signature tags removed)"),
    format: z.enum([...artifactFormat.options, "error"]),
    packageName: nullableString,
    packageVersion: nullableString,
    authors: z.array(z.string()),
    modelName: nullableString,
    framework: nullableString,
    modelFormat: nullableString,
    totalSize: count,
    cliVersion: nullableString,
    card: z
      .strictObject({
        title: nullableString,
        vendor: nullableString,
        family: nullableString,
        architecture: nullableString,
        paramSize: nullableString,
        precision: nullableString,
        quantization: nullableString,
        licenses: z.array(z.string()),
        schemaIssues: count.describe("violations of the model-spec config rules"),
      })
      .nullable()
      .describe("the ModelPack descriptor/config in brief; null for Kit-format kits"),
    kitRejections: count.describe("problems kit's own Kitfile validation would reject this version for"),
    error: nullableString.describe("set when this digest could not be read; other versions are unaffected"),
    attestation: attestationBadgeSchema.nullable().describe("worst verified finding, `unsigned`, `verification failed`…; null when not looked up"),
  }),
);

export const versionsPageSchema = named(
  "VersionsPage",
  page(versionSchema).extend({
    hiddenTags: count.describe("referrer/signature tags seen on this page and hidden"),
    totalTags: count,
  }),
);

// ---------------------------------------------------------------- one ModelKit

const layerInfo = { digest: z.string().optional(), diffId: z.string().optional() };
const optText = z.string().optional();

export const kitfileSchema = named(
  "Kitfile",
  z.strictObject({
    manifestVersion: optText,
    package: z.strictObject({ name: optText, version: optText, description: optText, license: optText, authors: z.array(z.string()).optional() }).optional(),
    model: z
      .strictObject({
        name: optText,
        path: optText,
        license: optText,
        framework: optText,
        format: optText,
        version: optText,
        description: optText,
        parts: z.array(z.strictObject({ name: optText, path: optText, license: optText, type: optText, ...layerInfo })).optional(),
        parameters: z.unknown().optional(),
        training: z.strictObject({ dataset: optText, parameters: z.unknown().optional() }).optional().describe("kit v0.1–v0.2 field"),
        validation: z.strictObject({ dataset: optText, metrics: z.unknown().optional() }).optional().describe("kit v0.1–v0.2 field"),
        ...layerInfo,
      })
      .optional(),
    code: z.array(z.strictObject({ path: optText, description: optText, license: optText, ...layerInfo })).optional(),
    datasets: z
      .array(
        z.strictObject({
          name: optText,
          path: optText,
          description: optText,
          license: optText,
          parameters: z.unknown().optional(),
          remotePath: optText,
          remoteHash: optText,
          preprocessing: optText.describe("kit v0.1–v0.2 field"),
          ...layerInfo,
        }),
      )
      .optional(),
    docs: z.array(z.strictObject({ path: optText, description: optText, ...layerInfo })).optional(),
    prompts: z.array(z.strictObject({ name: optText, path: optText, description: optText, ...layerInfo })).optional(),
    mcpServers: z.array(z.strictObject({ name: optText, path: optText, description: optText, ...layerInfo })).optional(),
  }),
);

export const layerKind = z.enum(["model", "modelpart", "code", "prompt", "dataset", "docs", "mcpb", "unknown"]);
const compression = z.enum(["none", "gzip", "zstd"]);

export const descriptorSchema = named(
  "Descriptor",
  z.strictObject({
    mediaType: z.string(),
    digest,
    size: count,
    annotations: annotations.optional(),
    artifactType: z.string().optional(),
    urls: z.array(z.string()).optional(),
    platform: z.strictObject({ architecture: z.string(), os: z.string(), variant: z.string().optional() }).optional(),
    modelMetadata: z.record(z.string(), z.unknown()).optional(),
  }),
);

export const layerSchema = named(
  "Layer",
  z.strictObject({
    index: count,
    kind: layerKind,
    mediaType: z.string(),
    digest,
    size: count,
    compression,
    format: z.enum(["tar", "raw"]),
    path: nullableString.describe("Kitfile path of the entry the layer carries"),
    diffId: nullableString.describe("sha256 of the uncompressed content, when known"),
    annotations,
    entryRoot: nullableString.describe(
      "directory the layer's tar entry names are relative to: kit v0.1–v0.4 stored them relative to the parent of the Kitfile path; null for context-relative names",
    ),
  }),
);

export const kitValidationIssueSchema = named(
  "KitValidationIssue",
  z.strictObject({
    rule: z.enum([
      "manifest-version", "duplicate-path", "absolute-path", "path-outside-context", "http-path", "remote-path-in-local-field",
      "modelkit-reference-not-allowed", "part-type-pattern", "part-type-length", "mcp-server-name-missing", "mcp-server-name-duplicate",
      "mcp-server-not-mcpb", "remote-dataset-not-s3", "remote-hash-missing", "remote-dataset-collision", "layer-media-type",
      "layer-without-filepath", "modelfs-diffids-mismatch",
    ]),
    field: z.string().describe("the Kitfile or manifest field at fault: `datasets[0].path`, `layers[2].mediaType`"),
    message: z.string(),
  }),
);

const dateText = z.string().describe("as written; see the matching *Valid flag before reading it as a date");

export const modelCardSchema = named(
  "ModelCard",
  z.strictObject({
    descriptor: z.strictObject({
      createdAt: dateText.optional(),
      createdAtValid: z.boolean().optional().describe("createdAt is an RFC 3339 date-time"),
      authors: z.array(z.string()).optional(),
      vendor: optText,
      family: optText,
      name: optText,
      version: optText,
      title: optText,
      description: optText,
      docURL: optText,
      sourceURL: optText,
      datasetsURL: z.array(z.string()).optional(),
      revision: optText,
      licenses: z.array(z.string()).optional(),
    }),
    config: z.strictObject({
      architecture: optText,
      format: optText,
      paramSize: optText,
      precision: optText,
      quantization: optText,
      capabilities: z
        .strictObject({
          inputTypes: z.array(z.string()).optional(),
          outputTypes: z.array(z.string()).optional(),
          knowledgeCutoff: dateText.optional(),
          knowledgeCutoffValid: z.boolean().optional(),
          reasoning: z.boolean().optional(),
          toolUsage: z.boolean().optional(),
          reward: z.boolean().optional(),
          languages: z.array(z.string()).optional(),
        })
        .optional(),
    }),
    diffIds: z.array(z.string()).describe("`modelfs.diffIds` in layer order"),
    listsTruncated: z.boolean().describe("a list held more than 100 items; the first 100 are shown"),
    schemaIssues: z.array(z.strictObject({ pointer: z.string().describe("JSON pointer into the config"), message: z.string() })),
    schemaVersion: z.string().describe("the model-spec schema the config was checked against"),
  }),
);

export const entrySection = z.enum(["model", "parts", "code", "datasets", "docs", "prompts", "mcpServers"]);

export const entrySchema = named(
  "Entry",
  z.strictObject({
    section: entrySection,
    index: count,
    name: optText,
    path: z.string(),
    description: optText,
    license: optText,
    type: optText,
    remotePath: optText,
    remoteHash: optText,
    external: z.boolean().describe("a dataset kept outside the ModelKit, or a model that is a ModelKit reference"),
    layerDigest: nullableString.describe("layer holding the entry; null if external or unmatched"),
  }),
);

export const modelKitViewSchema = named(
  "ModelKitView",
  z.strictObject({
    format: artifactFormat,
    manifestDigest: digest,
    mediaType: nullableString,
    artifactType: nullableString,
    config: descriptorSchema.nullable(),
    kitfile: kitfileSchema.nullable(),
    kitfileSource: z.enum(["config", "annotation", "synthesised"]).nullable(),
    layers: z.array(layerSchema),
    entries: z.array(entrySchema),
    parent: z
      .strictObject({ reference: z.string(), registry: z.string(), repository: z.string(), tag: nullableString, digest: nullableString })
      .nullable(),
    annotations,
    cliVersion: nullableString,
    created: nullableString,
    totalSize: count.describe("total of layer sizes (config excluded), as `kit list` counts it"),
    indexEntries: z.array(
      z.strictObject({
        digest,
        mediaType: z.string(),
        size: count,
        artifactType: optText,
        tag: optText,
        platform: optText,
        modelMetadata: z.record(z.string(), z.unknown()).optional(),
        annotations,
      }),
    ),
    modelCard: modelCardSchema.nullable().describe("ModelPack descriptor and config (CNCF model-spec); null for other formats"),
    kitRejections: z.array(kitValidationIssueSchema).describe("what kit's own validation refuses: `kit pack`/`kit unpack` fail on these"),
    warnings: z.array(z.string()).describe("non-fatal problems: unknown manifestVersion, unmatched layers…"),
  }),
);

export const modelKitSchema = named(
  "ModelKit",
  z.strictObject({
    reference: z.string().describe("canonical `registry/repository@sha256:…`"),
    registry: z.string(),
    repository: z.string(),
    tag: nullableString.describe("the tag asked for, if any"),
    digest,
    tags: z.array(z.string()),
    view: modelKitViewSchema,
    kitfileYaml: nullableString,
    snippets: z.array(z.strictObject({ id: z.string(), title: z.string(), language: z.enum(["shell", "yaml"]), text: z.string() })),
    parent: z
      .strictObject({
        reference: z.string(),
        href: nullableString.describe("link inside Kitgate when the registry is configured"),
        digest: nullableString,
        error: nullableString,
      })
      .nullable(),
    manifestJson: z.string().describe("the manifest as stored (pretty-printed for display; never re-hashed)"),
  }),
);

// ---------------------------------------------------------------- files

export const fileEntrySchema = named(
  "FileEntry",
  z.strictObject({
    path: z.string(),
    rawName: optText,
    type: z.enum(["file", "directory", "symlink", "hardlink", "other"]),
    size: count,
    mode: count,
    linkTarget: optText,
    unsafe: z.enum(["traversal", "absolute", "link"]).optional().describe("labelled, never followed or extracted"),
    dataOffset: count.optional(),
  }),
);

export const readVerification = z
  .enum(["verified", "range", "partial"])
  .describe(
    "how the bytes were checked against the layer digest: `verified` (the whole layer hashed and matched); `range`: read by range, not verified against the layer digest (large uncompressed layers, tensor headers); `partial`: streamed from the start of a large layer and stopped before its end. The last two offer GET /modelkit/verify",
  );

export const layerFilesSchema = named(
  "LayerFiles",
  z.strictObject({
    layerDigest: digest,
    listing: z.strictObject({
      verification: readVerification.optional(),
      entries: z.array(fileEntrySchema),
      truncated: z.boolean(),
      reason: optText,
      warnings: z.array(z.string()),
    }),
  }),
);

export const tensorHeaderSchema = named(
  "TensorHeader",
  z.strictObject({
    kind: z.enum(["safetensors", "gguf"]),
    parameterCount: count,
    tensors: z.array(z.strictObject({ name: z.string(), dtype: z.string(), shape: z.array(count) })),
    tensorsTruncated: z.boolean(),
    metadata: z.record(z.string(), z.unknown()),
    verification: readVerification,
  }),
);

export const fileContentSchema = named(
  "FileContent",
  z.strictObject({
    path: z.string(),
    layerDigest: digest,
    size: count,
    mode: count,
    kind: z.enum(["text", "markdown", "binary", "tensors"]),
    language: z.string().describe("Monaco language id guessed from the extension"),
    text: nullableString.describe("text content (text/markdown), capped"),
    truncated: z.boolean(),
    sha256: nullableString.describe("sha256 of the bytes read, when the whole file was read"),
    tensors: tensorHeaderSchema.nullable(),
    note: nullableString,
    verification: readVerification,
  }),
);

export const layerVerificationSchema = named(
  "LayerVerification",
  z.strictObject({
    layerDigest: digest,
    size: count,
    verified: z.literal(true).describe("the whole layer was read from the registry and matches its digest"),
  }),
);
