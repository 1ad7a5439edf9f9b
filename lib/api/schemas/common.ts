// Building blocks of the response schemas. Responses are described with strict objects so that, when
// KITGATE_VALIDATE_RESPONSES=1 (integration and e2e servers), a field the contract does not name fails loudly;
// the published document leaves objects open (lib/api/openapi.ts), so clients must tolerate new fields.
import { z } from "zod";
import { ERROR_CODE_NAMES } from "@/lib/errors";
import { named } from "./components";

/** OCI digest grammar (image-spec descriptor.md): `algorithm:encoded`. */
export const digest = z.string().regex(/^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/).describe("OCI digest, e.g. `sha256:3b4c…`");
export const annotations = z.record(z.string(), z.string());
export const isoTime = z.string().describe("ISO 8601 time");
export const count = z.number().int().min(0);
/** Any JSON value (Kitfile field values, tensor metadata); named because it is recursive. */
export const jsonValue = named("JsonValue", z.json());

/** A cursor-paged list: `next` is the cursor of the following page, null on the last one. */
export function page<T extends z.ZodType>(item: T) {
  return z.strictObject({ items: z.array(item), next: z.string().nullable().describe("cursor of the next page; null on the last page") });
}

export const errorEnvelope = named(
  "Error",
  z.strictObject({
    error: z.strictObject({
      code: z.enum(ERROR_CODE_NAMES),
      message: z.string(),
      issues: z
        .array(z.strictObject({ path: z.string(), message: z.string() }))
        .optional()
        .describe("present on 422 parameter errors: one per bad field"),
    }),
  }),
);
export type ErrorEnvelope = z.infer<typeof errorEnvelope>;
