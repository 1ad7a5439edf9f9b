import "server-only";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import { discardBody } from "@/lib/oci/transport/discard-body";

/**
 * Makes `digest` (already stored in `fromRepo`) available in `repo` without sending its bytes: skipped when
 * present, else a cross-repository mount (`POST ?mount=&from=`). Answers false when the registry refused to
 * mount (202: it opened an upload instead, which is cancelled), so the caller can fall back to copying bytes.
 */
export async function mountBlob(ctx: OciContext, repo: string, fromRepo: string, digest: string): Promise<boolean> {
  assertRepositoryName(repo);
  assertRepositoryName(fromRepo);
  const exists = await sendRequest(ctx, { method: "HEAD", target: `/v2/${repo}/blobs/${digest}`, expect: [200, 404], what: `blob ${digest}` });
  if (exists.status === 200) return true;
  const q = new URLSearchParams({ mount: digest, from: fromRepo });
  const res = await sendRequest(ctx, { method: "POST", target: `/v2/${repo}/blobs/uploads/?${q}`, expect: [201, 202], what: `mount of ${digest} into ${repo}` });
  discardBody(res);
  if (res.status === 201) return true;
  const location = res.headers.get("location");
  if (location) {
    await sendRequest(ctx, { method: "DELETE", target: new URL(location, ctx.baseUrl), expect: [204, 404], what: "cancel upload" }).catch(() => {});
  }
  return false;
}
