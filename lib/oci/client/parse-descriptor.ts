import { z } from "zod";
import { AppError } from "@/lib/errors";
import { DIGEST_PATTERN } from "@/lib/oci/digest/parse-digest";
import type { Descriptor } from "@/lib/oci/types";

const DescriptorSchema = z.object({
  mediaType: z.string().min(1).max(255),
  digest: z.string().regex(DIGEST_PATTERN),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  annotations: z.record(z.string(), z.string()).optional(),
  artifactType: z.string().max(255).optional(),
  urls: z.array(z.string()).optional(),
  platform: z.object({ architecture: z.string(), os: z.string(), variant: z.string().optional() }).optional(),
  modelMetadata: z.record(z.string(), z.unknown()).optional(),
});

/** Validates a descriptor found in registry content; anything off is MALFORMED_CONTENT. */
export function parseDescriptor(value: unknown, where: string): Descriptor {
  const parsed = DescriptorSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AppError("MALFORMED_CONTENT", `invalid descriptor in ${where}: ${issue?.path.join(".") ?? ""} ${issue?.message ?? ""}`.trim());
  }
  return parsed.data as Descriptor;
}
