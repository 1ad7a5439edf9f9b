// Building blocks for request schemas. Everything here bounds untrusted URL input before it reaches the
// data layer, which validates again (it is the security boundary); these give early, precise 422s.
import { z } from "zod";

/** Query values arrive as `string | string[]`; a repeated key keeps its first value. */
const single = (v: unknown) => (Array.isArray(v) ? v[0] : v);
const emptyToUndefined = (v: unknown) => {
  const s = single(v);
  return typeof s === "string" && s.trim() === "" ? undefined : s;
};

/** References and paths are short in practice; 2 KiB bounds logging and parsing work. */
export const MAX_REFERENCE_LENGTH = 2048;
/** Tar entry names are at most a few hundred bytes (PAX allows more, but nobody ships such paths). */
export const MAX_PATH_LENGTH = 4096;
/** Opaque cursors are produced by the data layer; anything longer is not one of ours. */
export const MAX_CURSOR_LENGTH = 2048;
/** A filter is typed by a person. */
export const MAX_FILTER_LENGTH = 200;
/** Page sizes above this would make one request read too many manifests. */
export const MAX_PAGE_SIZE = 200;

export const registryName = z.preprocess(
  single,
  z.string().min(1).max(255).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "not a registry name or host"),
).describe("A configured registry name (or its host), e.g. `local`.");

/** OCI distribution-spec repository name grammar. */
export const repositoryName = z.preprocess(
  single,
  z
    .string()
    .max(255)
    .regex(/^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*)*$/, "not a repository name"),
);

export const reference = z
  .preprocess(single, z.string().min(3).max(MAX_REFERENCE_LENGTH).regex(/^[^\s]+$/, "a reference has no spaces"))
  .describe(
    "Full reference `REGISTRY/REPOSITORY:TAG` or `REGISTRY/REPOSITORY@sha256:…`; REGISTRY is a configured registry name or host, e.g. `local/demo/fraud-detection:1.0.0`.",
  );

export const layerDigest = z.preprocess(
  single,
  z.string().regex(/^sha256:[a-f0-9]{64}$|^sha512:[a-f0-9]{128}$/, "not a sha256/sha512 digest"),
).describe("Layer digest (`sha256:…`), as listed in the ModelKit's `view.layers`.");

export const filePath = z.preprocess(single, z.string().min(1).max(MAX_PATH_LENGTH)).describe("File path inside the ModelKit, as listed by /modelkit/files.");

export const filter = z.preprocess(emptyToUndefined, z.string().trim().max(MAX_FILTER_LENGTH).optional()).describe("Case-insensitive substring filter.");
export const cursor = z.preprocess(emptyToUndefined, z.string().max(MAX_CURSOR_LENGTH).optional()).describe("Opaque cursor: `next` of the previous page.");
export const limit = z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional()).describe("Page size.");
export const flag = z.preprocess(
  emptyToUndefined,
  z
    .enum(["1", "true", "0", "false"])
    .optional()
    .transform((v) => v === "1" || v === "true"),
);
export const optional = <T extends z.ZodType>(schema: T) => z.preprocess(emptyToUndefined, schema.optional());
