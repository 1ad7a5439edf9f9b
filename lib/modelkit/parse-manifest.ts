import { z } from "zod";
import { AppError } from "@/lib/errors";
import { MT } from "@/lib/oci/media-types";
import type { ImageIndex, ImageManifest } from "@/lib/oci/types";
import { MAX_INDEX_ENTRIES, MAX_LAYERS, MAX_MANIFEST_BYTES } from "./constants";
import { decodeJson } from "./decode-json";
import { formatIssues } from "./format-issues";
import { isValidDigest } from "./is-valid-digest";

export type ParsedManifest = { kind: "manifest"; manifest: ImageManifest } | { kind: "index"; index: ImageIndex };

const MANIFEST_TYPES = new Set<string>([MT.ociManifest, MT.dockerManifest]);
const INDEX_TYPES = new Set<string>([MT.ociIndex, MT.dockerManifestList]);
/** Media types are short tokens; a cap keeps hostile values out of logs and the UI. */
const MAX_MEDIA_TYPE_LENGTH = 255;

const mediaType = z.string().min(1).max(MAX_MEDIA_TYPE_LENGTH);
const digest = z.string().refine(isValidDigest, { message: "invalid digest (expected algorithm:hex, e.g. sha256:<64 hex>)" });
const size = z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER);
const annotations = z.record(z.string(), z.string());

const descriptor = z.object({
  mediaType,
  digest,
  size,
  annotations: annotations.optional(),
  artifactType: mediaType.optional(),
  urls: z.array(z.string()).optional(),
  platform: z
    .object({ architecture: z.string(), os: z.string(), variant: z.string().optional() })
    .optional(),
  modelMetadata: z.record(z.string(), z.unknown()).optional(),
});

const manifestSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: mediaType.optional(),
  artifactType: mediaType.optional(),
  config: descriptor,
  layers: z.array(descriptor).max(MAX_LAYERS),
  subject: descriptor.optional(),
  annotations: annotations.optional(),
});

const indexSchema = z.object({
  schemaVersion: z.literal(2),
  mediaType: mediaType.optional(),
  artifactType: mediaType.optional(),
  manifests: z.array(descriptor).max(MAX_INDEX_ENTRIES),
  subject: descriptor.optional(),
  annotations: annotations.optional(),
});

function baseMediaType(contentType: string | null): string | null {
  if (!contentType) return null;
  const base = contentType.split(";")[0]?.trim().toLowerCase();
  return base || null;
}

function kindOf(mt: string | null): "manifest" | "index" | null {
  if (!mt) return null;
  if (MANIFEST_TYPES.has(mt)) return "manifest";
  if (INDEX_TYPES.has(mt)) return "index";
  return null;
}

/**
 * Parses manifest bytes as an OCI/Docker v2 image manifest or index. The kind comes from the body's
 * `mediaType`, else the Content-Type, else the shape: kit writes no `mediaType` in its manifests, and
 * some stores answer with a generic Content-Type.
 */
export function parseManifest(bytes: Uint8Array, contentType: string | null): ParsedManifest {
  const json = decodeJson(bytes, "manifest", MAX_MANIFEST_BYTES);
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    throw new AppError("MALFORMED_CONTENT", "manifest is not a JSON object");
  }
  const body = json as Record<string, unknown>;
  if (body.schemaVersion !== 2) {
    throw new AppError("MALFORMED_CONTENT", `unsupported manifest schemaVersion ${JSON.stringify(body.schemaVersion) ?? "(missing)"}; only 2 is supported`);
  }

  const bodyType = typeof body.mediaType === "string" ? body.mediaType : null;
  const headerType = baseMediaType(contentType);
  const bodyKind = kindOf(bodyType);
  const headerKind = kindOf(headerType);
  if (bodyType !== null && bodyKind === null) {
    throw new AppError("MALFORMED_CONTENT", `unsupported manifest mediaType ${JSON.stringify(bodyType.slice(0, MAX_MEDIA_TYPE_LENGTH))}`);
  }
  if (bodyKind && headerKind && bodyKind !== headerKind) {
    throw new AppError("MALFORMED_CONTENT", `manifest mediaType ${bodyType} contradicts Content-Type ${headerType}`);
  }
  const kind = bodyKind ?? headerKind ?? (Array.isArray(body.manifests) ? "index" : "manifest");

  if (kind === "index") {
    const parsed = indexSchema.safeParse(body);
    if (!parsed.success) throw new AppError("MALFORMED_CONTENT", `invalid image index: ${formatIssues(parsed.error.issues)}`);
    return { kind, index: parsed.data as ImageIndex };
  }
  const parsed = manifestSchema.safeParse(body);
  if (!parsed.success) throw new AppError("MALFORMED_CONTENT", `invalid image manifest: ${formatIssues(parsed.error.issues)}`);
  return { kind, manifest: parsed.data as ImageManifest };
}
