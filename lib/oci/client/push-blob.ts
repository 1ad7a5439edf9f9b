import "server-only";
import { AppError } from "@/lib/errors";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { computeDigest } from "@/lib/oci/digest/compute-digest";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import type { Descriptor } from "@/lib/oci/types";
import { discardBody } from "@/lib/oci/transport/discard-body";

export interface PushBlobOptions {
  mediaType?: string;
  /** try a cross-repository mount from this repository first (`?mount=&from=`) */
  mountFrom?: string;
}

function uploadUrl(ctx: OciContext, res: Response): URL {
  const location = res.headers.get("location");
  if (!location) throw new AppError("UPSTREAM", "blob upload started without a Location");
  const url = new URL(location, ctx.baseUrl);
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new AppError("UPSTREAM", "upload Location is not http(s)");
  return url;
}

/**
 * Uploads a blob held in memory: skipped when the registry already has it, mounted when `mountFrom`
 * holds it, otherwise POST then PUT `?digest=` (distribution 2.8 ignores a monolithic POST body).
 */
export async function pushBlob(ctx: OciContext, repo: string, bytes: Uint8Array, options: PushBlobOptions = {}): Promise<Descriptor> {
  assertRepositoryName(repo);
  if (options.mountFrom !== undefined) assertRepositoryName(options.mountFrom);
  const digest = computeDigest(bytes);
  const desc: Descriptor = { mediaType: options.mediaType ?? "application/octet-stream", digest, size: bytes.byteLength };

  const exists = await sendRequest(ctx, {
    method: "HEAD",
    target: `/v2/${repo}/blobs/${digest}`,
    expect: [200, 404],
    what: `blob ${digest}`,
  });
  if (exists.status === 200) return desc;

  const q = options.mountFrom ? `?${new URLSearchParams({ mount: digest, from: options.mountFrom })}` : "";
  const started = await sendRequest(ctx, {
    method: "POST",
    target: `/v2/${repo}/blobs/uploads/${q}`,
    expect: [201, 202],
    what: `upload to ${repo}`,
  });
  discardBody(started);
  if (started.status === 201) return desc; // mounted

  const put = uploadUrl(ctx, started);
  put.searchParams.set("digest", digest);
  const done = await sendRequest(ctx, {
    method: "PUT",
    target: put,
    headers: { "content-type": "application/octet-stream" },
    body: bytes,
    expect: [201],
    what: `upload of ${digest}`,
  });
  discardBody(done);
  const served = done.headers.get("docker-content-digest");
  if (served && served.trim() !== digest) {
    throw new AppError("DIGEST_MISMATCH", `registry stored ${served} for blob ${digest}`);
  }
  return desc;
}
