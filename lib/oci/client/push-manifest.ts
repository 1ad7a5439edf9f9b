import "server-only";
import { AppError } from "@/lib/errors";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { MAX_MANIFEST_BYTES } from "@/lib/oci/limits";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import { parseReference } from "@/lib/oci/reference/parse-reference";
import type { Descriptor } from "@/lib/oci/types";
import { discardBody } from "@/lib/oci/transport/discard-body";

/** PUTs the exact manifest bytes under a tag or digest; the descriptor is computed from those bytes. */
export async function pushManifest(
  ctx: OciContext,
  repo: string,
  reference: string,
  bytes: Uint8Array,
  mediaType: string,
): Promise<Descriptor> {
  assertRepositoryName(repo);
  const ref = parseReference(reference);
  if (typeof mediaType !== "string" || !mediaType) throw new TypeError("mediaType is required");
  if (bytes.byteLength > MAX_MANIFEST_BYTES) throw new AppError("TOO_LARGE", `manifest is larger than ${MAX_MANIFEST_BYTES} bytes`);
  const digest = computeDigest(bytes);
  if (ref.kind === "digest" && ref.digest !== digest) {
    throw new AppError("DIGEST_MISMATCH", `manifest bytes have digest ${digest}, not ${ref.digest}`);
  }
  const res = await sendRequest(ctx, {
    method: "PUT",
    target: `/v2/${repo}/manifests/${reference}`,
    headers: { "content-type": mediaType },
    body: bytes,
    expect: [201],
    small: true,
    what: `manifest ${repo}:${reference}`,
  });
  discardBody(res);
  const served = res.headers.get("docker-content-digest")?.trim();
  if (served && served !== digest) throw new AppError("DIGEST_MISMATCH", `registry stored ${served} for manifest ${digest}`);
  return { mediaType, digest, size: bytes.byteLength };
}
