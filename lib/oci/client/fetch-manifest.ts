import "server-only";
import { AppError } from "@/lib/errors";
import { parseJsonBody } from "@/lib/oci/client/parse-json-body";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { parseDigest } from "@/lib/oci/digest/parse-digest";
import { MAX_MANIFEST_BYTES } from "@/lib/oci/limits";
import { MANIFEST_ACCEPT, MANIFEST_MEDIA_TYPES, MT } from "@/lib/oci/media-types";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import { parseReference } from "@/lib/oci/reference/parse-reference";
import { readCapped } from "@/lib/oci/transport/read-capped";
import type { FetchedManifest } from "@/lib/oci/types";


/**
 * The media type of fetched manifest bytes. The body's `mediaType` wins when present (it is covered by the
 * digest; the header is not), a contradicting Content-Type is refused, and an OCI manifest without either
 * is recognised by its shape.
 */
function mediaTypeOf(body: Record<string, unknown>, contentType: string | null): string {
  const header = contentType?.split(";")[0]?.trim().toLowerCase() || null;
  const declared = typeof body.mediaType === "string" ? body.mediaType : null;
  if (declared && header && MANIFEST_MEDIA_TYPES.has(header) && header !== declared) {
    throw new AppError("MALFORMED_CONTENT", `manifest says ${declared} but was served as ${header}`);
  }
  const mediaType = declared ?? (header && MANIFEST_MEDIA_TYPES.has(header) ? header : null) ??
    (Array.isArray(body.manifests) ? MT.ociIndex : body.config ? MT.ociManifest : null);
  if (!mediaType || !MANIFEST_MEDIA_TYPES.has(mediaType)) {
    throw new AppError("MALFORMED_CONTENT", `unsupported manifest media type ${JSON.stringify(mediaType ?? header)}`);
  }
  return mediaType;
}

/**
 * GET a manifest (tag or digest) with the full Accept list, and verify it: sha256 of the exact bytes
 * against the requested digest and against `Docker-Content-Digest` when the registry sends one.
 * The bytes are returned untouched: hash and push these, never a re-serialisation.
 */
export async function fetchManifest(ctx: OciContext, repo: string, reference: string): Promise<FetchedManifest> {
  assertRepositoryName(repo);
  const ref = parseReference(reference);
  const res = await sendRequest(ctx, {
    method: "GET",
    target: `/v2/${repo}/manifests/${reference}`,
    headers: { accept: MANIFEST_ACCEPT },
    expect: [200],
    small: true,
    what: `manifest ${repo}:${reference}`,
  });
  const bytes = await readCapped(res, MAX_MANIFEST_BYTES, `registry ${ctx.name}: manifest ${repo}:${reference}`);
  const algorithm = ref.kind === "digest" ? ref.algorithm : "sha256";
  const digest = computeDigest(bytes, algorithm);
  if (ref.kind === "digest" && digest !== ref.digest) {
    throw new AppError("DIGEST_MISMATCH", `registry ${ctx.name} served ${repo}@${ref.digest} with content of digest ${digest}`, {
      details: { expected: ref.digest, actual: digest },
    });
  }
  const served = res.headers.get("docker-content-digest");
  if (served) {
    const claimed = parseDigest(served.trim(), "MALFORMED_CONTENT");
    const actual = claimed.algorithm === algorithm ? digest : computeDigest(bytes, claimed.algorithm);
    if (actual !== claimed.digest) {
      throw new AppError("DIGEST_MISMATCH", `registry ${ctx.name} sent Docker-Content-Digest ${claimed.digest} for ${repo}:${reference}, but the manifest it served has digest ${actual}`, {
        details: { expected: claimed.digest, actual },
      });
    }
  }
  const body = parseJsonBody(bytes, "manifest");
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("MALFORMED_CONTENT", "manifest is not a JSON object");
  }
  const obj = body as Record<string, unknown>;
  const mediaType = mediaTypeOf(obj, res.headers.get("content-type"));
  return {
    descriptor: {
      mediaType,
      digest,
      size: bytes.byteLength,
      ...(typeof obj.artifactType === "string" ? { artifactType: obj.artifactType } : {}),
    },
    bytes,
  };
}
