import "server-only";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { parseDigest } from "@/lib/oci/digest/parse-digest";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import { discardBody } from "@/lib/oci/transport/discard-body";

/**
 * Deletes a manifest by digest, which removes every tag pointing at it (distribution refuses DELETE by
 * tag with DIGEST_INVALID, so only digests are accepted here).
 */
export async function deleteManifest(ctx: OciContext, repo: string, digest: string): Promise<void> {
  assertRepositoryName(repo);
  const d = parseDigest(digest, "BAD_REQUEST");
  const res = await sendRequest(ctx, {
    method: "DELETE",
    target: `/v2/${repo}/manifests/${d.digest}`,
    expect: [200, 202, 204],
    small: true,
    what: `delete ${repo}@${d.digest}`,
  });
  discardBody(res);
}
