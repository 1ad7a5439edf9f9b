import "server-only";
import { AppError } from "@/lib/errors";
import { currentBudget } from "@/lib/http/request-budget";
import { fetchManifest } from "@/lib/oci/client/fetch-manifest";
import type { OciContext } from "@/lib/oci/client/types";
import { MAX_MANIFEST_BYTES } from "@/lib/oci/limits";
import { MANIFEST_ACCEPT, MANIFEST_MEDIA_TYPES } from "@/lib/oci/media-types";
import { DIGEST_PATTERN } from "@/lib/oci/digest/parse-digest";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import { parseReference } from "@/lib/oci/reference/parse-reference";
import type { Descriptor } from "@/lib/oci/types";
import { discardBody } from "@/lib/oci/transport/discard-body";


/**
 * Tag or digest → descriptor of the manifest it names now. A HEAD is tried first (cheap, and not counted
 * against Docker Hub's pull limit); when it fails or lacks `Docker-Content-Digest`, Content-Type or
 * Content-Length, the manifest is fetched and hashed instead.
 */
export async function resolveManifest(ctx: OciContext, repo: string, reference: string): Promise<Descriptor> {
  assertRepositoryName(repo);
  const ref = parseReference(reference);
  let head: Response | null = null;
  try {
    head = await ctx.fetcher(
      new Request(new URL(`/v2/${repo}/manifests/${reference}`, ctx.baseUrl), {
        method: "HEAD",
        headers: { accept: MANIFEST_ACCEPT },
        signal: AbortSignal.timeout(ctx.timeoutMs),
      }),
    );
  } catch (e) {
    // a HEAD that failed for any reason falls back to the GET, which reports the failure properly
    if (currentBudget()?.signal.aborted) throw currentBudget()!.expired();
    if (!(e instanceof AppError) && !(e instanceof Error)) throw e;
    head = null;
  }
  if (head) {
    discardBody(head);
    const digest = head.headers.get("docker-content-digest")?.trim();
    const mediaType = head.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    const length = head.headers.get("content-length");
    const size = length && /^\d+$/.test(length) ? Number(length) : NaN;
    if (
      head.status === 200 &&
      digest && DIGEST_PATTERN.test(digest) &&
      mediaType && MANIFEST_MEDIA_TYPES.has(mediaType) &&
      size > 0 && size <= MAX_MANIFEST_BYTES &&
      (ref.kind === "tag" || digest === ref.digest)
    ) {
      return { mediaType, digest, size };
    }
  }
  return (await fetchManifest(ctx, repo, reference)).descriptor;
}
