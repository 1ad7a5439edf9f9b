// The OpenAPI 3.1 description of REST API v1. Hand-written because the DTOs are TypeScript interfaces
// (lib/data/dto.ts); keep the two in step when a DTO changes. Pure data: safe to import anywhere.
import { MAX_CURSOR_LENGTH, MAX_FILTER_LENGTH, MAX_PAGE_SIZE, MAX_PATH_LENGTH, MAX_REFERENCE_LENGTH } from "@/lib/validations/common";

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
  },
  components: {
    responses: {
      Error: { description: "Error (400 bad request, 422 invalid parameters or content, 500 internal)", content: { "application/json": { schema: ref("Error") } } },
    },
    schemas: {
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
    },
  },
} as const;
