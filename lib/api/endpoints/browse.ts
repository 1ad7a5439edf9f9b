import { z } from "zod";
import { fileQuery, layerFilesQuery, modelKitQuery } from "@/lib/validations/modelkit-query";
import { repositoriesQuery } from "@/lib/validations/repositories-query";
import { versionsApiQuery } from "@/lib/validations/versions-query";
import { endpoint } from "../endpoint";
import { fileContentSchema, layerFilesSchema, layerVerificationSchema, modelKitSchema, registrySchema, repositoryPageSchema, versionsPageSchema } from "../schemas/browse";

const read = { permission: "repository.read", signIn: false } as const;

export const browseEndpoints = {
  listRegistries: endpoint({
    method: "GET",
    path: "/registries",
    tag: "browse",
    summary: "Configured registries",
    description: "Every configured registry with its capabilities; credentials never appear (`location` is the URL or `embedded`).",
    access: { signIn: false, note: "Any caller, including anonymous ones." },
    response: { kind: "json", status: 200, schema: z.array(registrySchema), description: "The registries" },
    errors: [],
  }),
  listRepositories: endpoint({
    method: "GET",
    path: "/repositories",
    tag: "browse",
    summary: "Repositories of one registry, paginated",
    description: "Only repositories the caller may read are listed; `q` filters by substring.",
    access: read,
    query: repositoriesQuery,
    response: { kind: "json", status: 200, schema: repositoryPageSchema, description: "One page of repositories" },
    errors: ["NOT_FOUND"],
    readsRegistry: true,
  }),
  listVersions: endpoint({
    method: "GET",
    path: "/versions",
    tag: "browse",
    summary: "Versions of a repository: tags grouped by digest with a Kitfile summary",
    description: "Referrer and signature tags (`sha256-…`, `.sig`, `.att`, `.sbom`) are hidden and counted in `hiddenTags`.",
    access: read,
    query: versionsApiQuery,
    response: { kind: "json", status: 200, schema: versionsPageSchema, description: "One page of versions" },
    errors: ["NOT_FOUND"],
    readsRegistry: true,
  }),
  getModelKit: endpoint({
    method: "GET",
    path: "/modelkit",
    tag: "browse",
    summary: "One ModelKit (or index, image, artifact) by reference",
    description: "The interpreted manifest: format, Kitfile, layers, entries, parent, annotations, warnings and deploy snippets.",
    access: read,
    query: modelKitQuery,
    response: { kind: "json", status: 200, schema: modelKitSchema, description: "The ModelKit" },
    errors: ["NOT_FOUND"],
    readsRegistry: true,
  }),
  listLayerFiles: endpoint({
    method: "GET",
    path: "/modelkit/files",
    tag: "browse",
    summary: "Files inside one layer (never extracted; unsafe names labelled)",
    access: read,
    query: layerFilesQuery,
    response: { kind: "json", status: 200, schema: layerFilesSchema, description: "The layer listing" },
    errors: ["NOT_FOUND", "BAD_REQUEST"],
    readsRegistry: true,
  }),
  getModelKitFile: endpoint({
    method: "GET",
    path: "/modelkit/file",
    tag: "browse",
    summary: "One file: capped text, metadata for binaries, or a tensor header table",
    description: "Text is capped at the display budget unless `full=1` (up to the hard cap); `.safetensors`/`.gguf` headers are read with Range requests.",
    access: read,
    query: fileQuery,
    response: { kind: "json", status: 200, schema: fileContentSchema, description: "The file content or description" },
    errors: ["NOT_FOUND", "BAD_REQUEST"],
    readsRegistry: true,
  }),
  verifyLayer: endpoint({
    method: "GET",
    path: "/modelkit/verify",
    tag: "browse",
    summary: "Verify whole layer: read one layer to its end and check it against its digest",
    description:
      "For files and listings answered with `verification: range` or `partial`. Reads the whole layer from the registry (up to 10 minutes, not the usual request budget) and hashes it; a mismatch is 502 DIGEST_MISMATCH naming the registry, repository and digest. Verified bytes that fit the cache are kept there for later reads.",
    access: read,
    query: layerFilesQuery,
    response: { kind: "json", status: 200, schema: layerVerificationSchema, description: "The layer matches its digest" },
    errors: ["NOT_FOUND"],
    readsRegistry: true,
    budgetSeconds: 600,
  }),
};
