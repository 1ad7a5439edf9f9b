// The OpenAPI 3.1 description of REST API v1. Hand-written because the DTOs are TypeScript interfaces
// (lib/data/dto.ts); keep the two in step when a DTO changes. Pure data: safe to import anywhere.
import { MAX_COLUMN_NAME_LENGTH, MAX_CSV_OFFSET, MAX_HUNK_OFFSET, MAX_HUNKS_PER_REQUEST } from "@/lib/validations/diff-query";
import { auditPaths } from "./openapi-audit-paths";
import { MAX_CURSOR_LENGTH, MAX_FILTER_LENGTH, MAX_PAGE_SIZE, MAX_PATH_LENGTH, MAX_REFERENCE_LENGTH } from "@/lib/validations/common";

import { approvalPaths, approvalSchemas } from "./openapi-approvals";

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const int = { type: "integer", minimum: 0 } as const;
const digest = { type: "string", pattern: "^sha(256|512):[a-f0-9]+$", examples: ["sha256:3b4c…"] } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const annotations = { type: "object", additionalProperties: { type: "string" } } as const;

const errorResponses = {
  "400": { $ref: "#/components/responses/Error" },
  "404": { description: "Not found, or not visible to the caller (the two are indistinguishable).", content: { "application/json": { schema: ref("Error") } } },
  "422": { $ref: "#/components/responses/Error" },
  "500": { $ref: "#/components/responses/Error" },
  "502": { description: "The registry failed or returned content that did not match its digest.", content: { "application/json": { schema: ref("Error") } } },
};

const q = (name: string, description: string, schema: object, required = false) => ({ name, in: "query", required, description, schema });
const refParam = q("ref", "Full reference `REGISTRY/REPOSITORY:TAG` or `REGISTRY/REPOSITORY@sha256:…`; REGISTRY is a configured registry name or host.", { type: "string", maxLength: MAX_REFERENCE_LENGTH, examples: ["local/demo/fraud-detection:1.0.0"] }, true);
const baseParam = q("base", "Base reference (`REGISTRY/REPOSITORY:TAG` or `…@sha256:…`).", { type: "string", maxLength: MAX_REFERENCE_LENGTH, examples: ["local/demo/fraud-detection:1.0.0"] }, true);
const headParam = q("head", "Head reference, in any configured registry.", { type: "string", maxLength: MAX_REFERENCE_LENGTH, examples: ["local/demo/fraud-detection:1.1.0"] }, true);
const cursorParam = q("cursor", "Opaque cursor from the previous page's `next`.", { type: "string", maxLength: MAX_CURSOR_LENGTH });
const limitParam = q("limit", "Page size.", { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE });
const filterParam = q("q", "Case-insensitive substring filter.", { type: "string", maxLength: MAX_FILTER_LENGTH });

const ok = (schema: object, description: string) => ({ "200": { description, content: { "application/json": { schema } } }, ...errorResponses });

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Kitgate API",
    version: "1.0.0",
    description: "Browse KitOps ModelKits stored in OCI registries. All responses are JSON; errors are `{ error: { code, message } }`.",
  },
  servers: [{ url: "/api/v1" }],
  paths: {
    ...auditPaths,
    "/registries": {
      get: { operationId: "listRegistries", summary: "Configured registries", responses: ok({ type: "array", items: ref("Registry") }, "Registries the caller can see") },
    },
    "/repositories": {
      get: {
        operationId: "listRepositories",
        summary: "Repositories of one registry, paginated",
        parameters: [q("registry", "Configured registry name.", str, true), filterParam, cursorParam, limitParam],
        responses: ok({ allOf: [ref("Page")], properties: { items: { type: "array", items: ref("Repository") } } }, "One page of repositories"),
      },
    },
    "/versions": {
      get: {
        operationId: "listVersions",
        summary: "Versions of a repository: tags grouped by digest with a Kitfile summary",
        parameters: [q("repository", "`REGISTRY/REPOSITORY`, e.g. `local/demo/fraud-detection`.", str, true), filterParam, cursorParam, limitParam],
        responses: ok(ref("VersionsPage"), "One page of versions"),
      },
    },
    "/modelkit": {
      get: { operationId: "getModelKit", summary: "One ModelKit (or index, image, artifact) by reference", parameters: [refParam], responses: ok(ref("ModelKit"), "The interpreted manifest") },
    },
    "/modelkit/files": {
      get: {
        operationId: "listLayerFiles",
        summary: "Files inside one layer (never extracted; unsafe names labelled)",
        parameters: [refParam, q("layer", "Layer digest.", digest, true)],
        responses: ok(ref("LayerFiles"), "The layer listing"),
      },
    },
    "/modelkit/file": {
      get: {
        operationId: "getModelKitFile",
        summary: "One file: capped text, or metadata for binaries, or a tensor header table",
        parameters: [
          refParam,
          q("path", "Path as listed by /modelkit/files.", { type: "string", maxLength: MAX_PATH_LENGTH }, true),
          q("layer", "Layer digest (optional: found by path otherwise).", digest),
          q("full", "Read past the display budget, up to the hard cap.", { type: "boolean" }),
        ],
        responses: ok(ref("FileContent"), "The file content or description"),
      },
    },
    "/diff": {
      get: {
        operationId: "diffModelKits",
        summary: "Summary-first diff of two ModelKits (any configured registries): sections, layers (kit diff parity), Kitfile fields, entries",
        description: "Only manifests and configs are read. Equal manifest digests give `diff.summary.identical: true`.",
        parameters: [baseParam, headParam],
        responses: ok(ref("ModelKitDiff"), "The diff summary"),
      },
    },
    "/diff/files": {
      get: {
        operationId: "diffEntryFiles",
        summary: "Files added, removed, modified or mode-changed inside one entry (matched by name/path across the versions)",
        parameters: [
          baseParam,
          headParam,
          q("section", "Kitfile section of the entry.", { enum: ["package", "model", "parts", "code", "datasets", "docs", "prompts", "mcpServers"] }, true),
          q("key", "The entry's `key` from `/diff` (its name, else its path).", { type: "string", maxLength: MAX_PATH_LENGTH }, true),
        ],
        responses: ok(ref("EntryFilesDiff"), "The file tree diff"),
      },
    },
    "/diff/file": {
      get: {
        operationId: "diffFile",
        summary: "One file compared by kind: text (paged unified patch), json/yaml (paths), csv/tsv (rows, cells, columns, stats), notebook (cells), tensors (safetensors/GGUF header via Range reads), binary (size, sha256)",
        parameters: [
          baseParam,
          headParam,
          q("path", "File path inside the ModelKit, as listed by /diff/files.", { type: "string", maxLength: MAX_PATH_LENGTH }, true),
          q("offset", "First hunk of the page (text kinds); the next page starts after the hunks returned.", { type: "integer", minimum: 0, maximum: MAX_HUNK_OFFSET }),
          q("limit", "Most hunks per page; a page also stops at the ~400-line auto-render budget.", { type: "integer", minimum: 1, maximum: MAX_HUNKS_PER_REQUEST }),
          q("ignoreWhitespace", "Compare lines ignoring whitespace.", { type: "boolean" }),
          q("csvKey", "CSV/TSV: match rows by this column instead of the detected key.", { type: "string", maxLength: MAX_COLUMN_NAME_LENGTH }),
          q("csvOffset", "CSV/TSV: first row change of the page (50 per page).", { type: "integer", minimum: 0, maximum: MAX_CSV_OFFSET }),
        ],
        responses: ok(ref("FileDiff"), "The file diff; `kind` says which fields are present"),
      },
    },
    "/attestations": {
      get: {
        operationId: "listAttestations",
        summary: "Signatures and attestations of one version, each verified against the configured trust keys",
        description:
          "Found through the referrers API, the `sha256-<hex>` fallback index, cosign `.att`/`.sig` tags, sigstore bundles and Notary v2 signatures. `status` is one of verified, untrusted-key, invalid-signature, subject-mismatch, unsupported, malformed, not-verified; `predicateType` and `predicate` come only from a verified signed payload.",
        parameters: [refParam],
        responses: ok({ type: "array", items: { type: "object", description: "AttestationDTO (lib/attest/types.ts)" } }, "Attestations with their verification status"),
      },
    },
    "/policy/evaluate": {
      get: {
        operationId: "evaluatePolicy",
        summary: "May this version enter an environment? Every policy rule with pass/fail, reason and evidence",
        description: "The scanning tier chosen for the version and why, the environment's gate rules (earlier environments' gates included), and the policy digest. Only verified attestations count as evidence. 404 for an unknown environment.",
        parameters: [refParam, q("environment", "Environment name from the configuration, e.g. `production`.", str, true)],
        responses: ok({ type: "object", description: "PolicyEvaluationDTO (lib/policy/types.ts): environment, tier, passed, rules[], policyDigest" }, "The evaluation"),
      },
    },
    ...approvalPaths,
  },
  components: {
    responses: {
      Error: { description: "Error (400 bad request, 422 invalid parameters or content, 500 internal)", content: { "application/json": { schema: ref("Error") } } },
    },
    schemas: {
      ...approvalSchemas,
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message"],
            properties: {
              code: { type: "string", enum: ["BAD_REQUEST", "UNAUTHENTICATED", "FORBIDDEN", "NOT_FOUND", "CONFLICT", "UNPROCESSABLE", "TOO_LARGE", "UPSTREAM", "UPSTREAM_TIMEOUT", "DIGEST_MISMATCH", "MALFORMED_CONTENT", "LIMIT_EXCEEDED", "CONFIG_INVALID", "INTERNAL"] },
              message: str,
              issues: { type: "array", description: "Present on 422 parameter errors.", items: { type: "object", properties: { path: str, message: str } } },
            },
          },
        },
      },
      Page: { type: "object", required: ["items", "next"], properties: { items: { type: "array" }, next: { ...nullableStr, description: "Cursor of the next page; null on the last page." } } },
      Registry: {
        type: "object",
        required: ["name", "kind", "location", "capabilities"],
        properties: {
          name: str,
          kind: { enum: ["remote", "oci-layout"] },
          location: { type: "string", description: "Remote URL (never credentials) or `embedded`." },
          capabilities: {
            type: "object",
            properties: { catalog: { type: "boolean" }, referrersApi: { oneOf: [{ type: "boolean" }, { const: "unknown" }] }, tagPagination: { type: "boolean" }, range: { type: "boolean" } },
          },
        },
      },
      Repository: { type: "object", required: ["registry", "name"], properties: { registry: str, name: str } },
      Version: {
        type: "object",
        required: ["digest", "tags", "format"],
        properties: {
          digest,
          tags: { type: "array", items: str, description: "Version tags (referrer/signature tags removed)." },
          format: { enum: ["kit", "kit-legacy", "modelpack", "index", "image", "artifact", "error"] },
          packageName: nullableStr,
          packageVersion: nullableStr,
          authors: { type: "array", items: str },
          modelName: nullableStr,
          framework: nullableStr,
          modelFormat: nullableStr,
          totalSize: int,
          cliVersion: nullableStr,
          error: { ...nullableStr, description: "Set when this digest could not be read; other versions are unaffected." },
        },
      },
      VersionsPage: {
        type: "object",
        required: ["items", "next", "hiddenTags", "totalTags"],
        properties: { items: { type: "array", items: ref("Version") }, next: nullableStr, hiddenTags: int, totalTags: int },
      },
      Layer: {
        type: "object",
        properties: {
          index: int,
          kind: { enum: ["model", "modelpart", "code", "prompt", "dataset", "docs", "mcpb", "unknown"] },
          mediaType: str,
          digest,
          size: int,
          compression: { enum: ["none", "gzip", "zstd"] },
          format: { enum: ["tar", "raw"] },
          path: nullableStr,
          diffId: nullableStr,
          annotations,
        },
      },
      Entry: {
        type: "object",
        properties: {
          section: { enum: ["model", "parts", "code", "datasets", "docs", "prompts", "mcpServers"] },
          index: int,
          name: str,
          path: str,
          description: str,
          license: str,
          remotePath: str,
          remoteHash: str,
          external: { type: "boolean" },
          layerDigest: nullableStr,
        },
      },
      Snippet: { type: "object", properties: { id: str, title: str, language: { enum: ["shell", "yaml"] }, text: str } },
      ModelKit: {
        type: "object",
        required: ["reference", "digest", "view"],
        properties: {
          reference: { type: "string", description: "Canonical `registry/repository@sha256:…`." },
          registry: str,
          repository: str,
          tag: nullableStr,
          digest,
          tags: { type: "array", items: str },
          view: {
            type: "object",
            properties: {
              format: { enum: ["kit", "kit-legacy", "modelpack", "index", "image", "artifact"] },
              manifestDigest: digest,
              mediaType: nullableStr,
              artifactType: nullableStr,
              kitfile: { type: ["object", "null"], description: "The Kitfile as parsed (package, model, code, datasets, docs, prompts, mcpServers)." },
              kitfileSource: { enum: ["config", "annotation", "synthesised", null] },
              layers: { type: "array", items: ref("Layer") },
              entries: { type: "array", items: ref("Entry") },
              parent: { type: ["object", "null"] },
              annotations,
              cliVersion: nullableStr,
              created: nullableStr,
              totalSize: int,
              indexEntries: { type: "array", items: { type: "object", properties: { digest, mediaType: str, size: int, tag: str, annotations } } },
              warnings: { type: "array", items: str },
            },
          },
          kitfileYaml: nullableStr,
          snippets: { type: "array", items: ref("Snippet") },
          parent: { type: ["object", "null"], properties: { reference: str, href: nullableStr, digest: nullableStr, error: nullableStr } },
          manifestJson: str,
        },
      },
      FileEntry: {
        type: "object",
        properties: {
          path: str,
          rawName: str,
          type: { enum: ["file", "directory", "symlink", "hardlink", "other"] },
          size: int,
          mode: int,
          linkTarget: str,
          unsafe: { enum: ["traversal", "absolute", "link"] },
        },
      },
      LayerFiles: {
        type: "object",
        properties: {
          layerDigest: digest,
          listing: { type: "object", properties: { entries: { type: "array", items: ref("FileEntry") }, truncated: { type: "boolean" }, reason: str, warnings: { type: "array", items: str } } },
        },
      },
      FileContent: {
        type: "object",
        properties: {
          path: str,
          layerDigest: digest,
          size: int,
          mode: int,
          kind: { enum: ["text", "markdown", "binary", "tensors"] },
          language: str,
          text: nullableStr,
          truncated: { type: "boolean" },
          sha256: nullableStr,
          tensors: {
            type: ["object", "null"],
            properties: {
              kind: { enum: ["safetensors", "gguf"] },
              parameterCount: int,
              tensors: { type: "array", items: { type: "object", properties: { name: str, dtype: str, shape: { type: "array", items: int } } } },
              tensorsTruncated: { type: "boolean" },
              metadata: { type: "object" },
            },
          },
          note: nullableStr,
        },
      },
      DiffSide: {
        type: "object",
        properties: { reference: str, registry: str, repository: str, digest, tag: nullableStr, format: str, packageVersion: nullableStr },
      },
      ModelKitDiff: {
        type: "object",
        required: ["base", "head", "diff"],
        properties: {
          base: ref("DiffSide"),
          head: ref("DiffSide"),
          diff: {
            type: "object",
            properties: {
              summary: {
                type: "object",
                description: "identical; per-section counts {added, removed, changed, unchanged}; layers {shared, uniqueA, uniqueB, recompressed}; bytesDiffering (head layers not in base); cliVersionNoise; configChanged; kitfileChanges.",
              },
              manifest: {
                type: "object",
                description: "`kit diff` parity: identical, sameConfig, config digests, annotationChanges (noise: kit CLI version), sharedLayers, uniqueToA, uniqueToB, pairs (sameContent = recompressed, same diffId).",
              },
              kitfile: {
                type: "array",
                items: { type: "object", required: ["path", "kind"], properties: { path: { type: "string", examples: ["model.parameters.threshold", "datasets[validation-data].remoteHash"] }, kind: { enum: ["added", "removed", "changed"] }, before: {}, after: {} } },
              },
              entries: { type: "object", description: "Per section, entries matched by name/path: { section, key, status, before?, after?, recompressed }." },
            },
          },
        },
      },
      EntryFilesDiff: {
        type: "object",
        properties: {
          section: str,
          key: str,
          baseLayer: nullableStr,
          headLayer: nullableStr,
          truncated: { type: "boolean" },
          tree: {
            type: "object",
            properties: {
              changes: { type: "array", items: { type: "object", properties: { path: str, kind: { enum: ["added", "removed", "modified", "mode-changed", "type-changed"] }, before: { type: "object" }, after: { type: "object" }, modeChanged: { type: "boolean" }, comparedBy: { enum: ["digest", "size", "link", "none"] } } } },
              counts: { type: "object" },
              bytesBefore: int,
              bytesAfter: int,
            },
          },
        },
      },
      FileDiff: {
        type: "object",
        required: ["path", "kind"],
        properties: {
          path: str,
          kind: { enum: ["text", "json", "csv", "notebook", "tensors", "binary"] },
          class: str,
          base: { type: ["object", "null"], properties: { layerDigest: str, size: int, mode: int, sha256: nullableStr } },
          head: { type: ["object", "null"], properties: { layerDigest: str, size: int, mode: int, sha256: nullableStr } },
          identical: { type: "boolean" },
          note: nullableStr,
          text: {
            type: ["object", "null"],
            description: "text, json, notebook: one page of the unified patch (diff2html input).",
            properties: { status: { enum: ["ok", "skipped", "timeout"] }, stats: { type: ["object", "null"] }, patch: str, offset: int, totalHunks: int, totalLines: int },
          },
          semantic: { type: "object", description: "json: { changes: [{ path, kind, before?, after? }], truncated }." },
          csv: { type: "object", description: "csv: keyColumn, mode, columns added/removed/renamed, counts, page of row changes with changed cells, per-column stats before/after." },
          notebook: { type: "object", description: "notebook: cells with source and output changes." },
          tensors: { type: "object", description: "tensors: changes (added/removed/shape/dtype), parameterCount {before, after, delta}, metadata changes." },
          baseHeader: { type: ["object", "null"] },
          headHeader: { type: ["object", "null"] },
        },
      },
    },
  },
} as const;
