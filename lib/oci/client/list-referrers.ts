import "server-only";
import { AppError } from "@/lib/errors";
import { fetchManifest } from "@/lib/oci/client/fetch-manifest";
import { parseDescriptor } from "@/lib/oci/client/parse-descriptor";
import { parseJsonBody } from "@/lib/oci/client/parse-json-body";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { parseDigest } from "@/lib/oci/digest/parse-digest";
import { MAX_LIST_ITEMS, MAX_LIST_PAGES, MAX_MANIFEST_BYTES } from "@/lib/oci/limits";
import { MT } from "@/lib/oci/media-types";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import { parseNextLink } from "@/lib/oci/transport/parse-next-link";
import { readCapped } from "@/lib/oci/transport/read-capped";
import type { Descriptor } from "@/lib/oci/types";
import { discardBody } from "@/lib/oci/transport/discard-body";

function descriptorsOfIndex(body: unknown, where: string): Descriptor[] {
  const manifests = (body as { manifests?: unknown })?.manifests;
  if (manifests === undefined || manifests === null) return [];
  if (!Array.isArray(manifests)) throw new AppError("MALFORMED_CONTENT", `${where}: manifests is not an array`);
  if (manifests.length > MAX_LIST_ITEMS) throw new AppError("TOO_LARGE", `${where} lists more than ${MAX_LIST_ITEMS} referrers`);
  return manifests.map((m) => parseDescriptor(m, where));
}

/** OCI 1.1 referrers API; null when the registry does not have it (404, or an answer that is not an index). */
async function viaApi(ctx: OciContext, repo: string, digest: string, artifactType?: string): Promise<Descriptor[] | null> {
  const q = artifactType ? `?${new URLSearchParams({ artifactType })}` : "";
  let target: string | URL = `/v2/${repo}/referrers/${digest}${q}`;
  const out: Descriptor[] = [];
  for (let pages = 0; ; pages++) {
    if (pages >= MAX_LIST_PAGES) throw new AppError("LIMIT_EXCEEDED", `referrers span more than ${MAX_LIST_PAGES} pages`);
    const res = await sendRequest(ctx, {
      method: "GET",
      target,
      headers: { accept: MT.ociIndex },
      expect: [200, 404],
      small: true,
      what: `referrers of ${digest}`,
    });
    const contentType = res.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (res.status === 404 || contentType !== MT.ociIndex) {
      discardBody(res);
      if (pages > 0) throw new AppError("UPSTREAM", `referrers page ${pages + 1} of ${digest} is not an index`);
      return null;
    }
    const body = parseJsonBody(await readCapped(res, MAX_MANIFEST_BYTES, `registry ${ctx.name}: referrers of ${digest}`), "referrers index");
    out.push(...descriptorsOfIndex(body, "referrers index"));
    if (out.length > MAX_LIST_ITEMS) throw new AppError("TOO_LARGE", `more than ${MAX_LIST_ITEMS} referrers`);
    const next = parseNextLink(res.headers.get("link"), res.url || ctx.baseUrl);
    if (!next) return out;
    target = next;
  }
}

/**
 * Manifests whose `subject` is `digest`. The referrers API is tried until the registry shows it lacks it
 * (memoised per registry in `ctx.probes`); then the OCI 1.1 tag-schema fallback, an index tagged
 * `sha256-<hex>`, is read. `artifactType` is filtered here too, since registries may ignore the filter.
 */
export async function listReferrers(
  ctx: OciContext,
  repo: string,
  digest: string,
  artifactType?: string,
): Promise<Descriptor[]> {
  assertRepositoryName(repo);
  const parsed = parseDigest(digest, "BAD_REQUEST");
  const keep = (d: Descriptor) => !artifactType || d.artifactType === artifactType;
  if (ctx.probes.referrersApi !== false) {
    const found = await viaApi(ctx, repo, parsed.digest, artifactType);
    ctx.probes.referrersApi = found !== null;
    if (found) return found.filter(keep);
  }
  let index;
  try {
    index = await fetchManifest(ctx, repo, `${parsed.algorithm}-${parsed.hex}`);
  } catch (e) {
    if (e instanceof AppError && e.code === "NOT_FOUND") return [];
    throw e;
  }
  if (index.descriptor.mediaType !== MT.ociIndex) {
    throw new AppError("MALFORMED_CONTENT", `referrers fallback tag of ${digest} is not an OCI index`);
  }
  return descriptorsOfIndex(parseJsonBody(index.bytes, "referrers fallback index"), "referrers fallback index").filter(keep);
}
