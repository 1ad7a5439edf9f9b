import { diffQuery, entryFilesDiffQuery, fileDiffQuery } from "@/lib/validations/diff-query";
import { endpoint } from "../endpoint";
import { entryFilesDiffSchema, fileDiffSchema, modelKitDiffSchema } from "../schemas/diff";

const read = { permission: "repository.read", signIn: false, note: "Both sides must be readable." } as const;

export const diffEndpoints = {
  diffModelKits: endpoint({
    method: "GET",
    path: "/diff",
    tag: "diff",
    summary: "Summary-first diff of two ModelKits (any configured registries)",
    description:
      "Sections, layers (`kit diff` parity), Kitfile fields and entries. Only manifests and configs are read. Equal manifest digests give `diff.summary.identical: true`.",
    access: read,
    query: diffQuery,
    response: { kind: "json", status: 200, schema: modelKitDiffSchema, description: "The diff summary" },
    errors: ["NOT_FOUND"],
    readsRegistry: true,
  }),
  diffEntryFiles: endpoint({
    method: "GET",
    path: "/diff/files",
    tag: "diff",
    summary: "Files added, removed, modified or mode-changed inside one entry",
    description: "The entry is matched by name/path across the versions (`key` from `/diff`). Only that entry's two layers are read.",
    access: read,
    query: entryFilesDiffQuery,
    response: { kind: "json", status: 200, schema: entryFilesDiffSchema, description: "The file tree diff" },
    errors: ["NOT_FOUND"],
    readsRegistry: true,
  }),
  diffFile: endpoint({
    method: "GET",
    path: "/diff/file",
    tag: "diff",
    summary: "One file compared by kind",
    description:
      "text (paged unified patch), json/yaml (paths), csv/tsv (rows, cells, columns, stats), notebook (cells), tensors (safetensors/GGUF header via Range reads), binary (size, sha256). `kind` says which fields are present.",
    access: read,
    query: fileDiffQuery,
    response: { kind: "json", status: 200, schema: fileDiffSchema, description: "The file diff" },
    errors: ["NOT_FOUND", "BAD_REQUEST"],
    readsRegistry: true,
  }),
};
