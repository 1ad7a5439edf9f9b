import "server-only";
import type { ErrorCode } from "@/lib/errors";
import { MAX_ERROR_BODY_BYTES } from "@/lib/oci/limits";
import { OciError, type RegistryErrorEntry } from "@/lib/oci/oci-error";
import { readCapped } from "@/lib/oci/transport/read-capped";
import { discardBody } from "@/lib/oci/transport/discard-body";

/** An error body is only a hint: a registry dripping it slowly must not hold the request that failed. */
const ERROR_BODY_TIMEOUT_MS = 2_000;

const CODE_BY_REGISTRY_CODE: Record<string, ErrorCode> = {
  MANIFEST_UNKNOWN: "NOT_FOUND",
  NAME_UNKNOWN: "NOT_FOUND",
  BLOB_UNKNOWN: "NOT_FOUND",
  BLOB_UPLOAD_UNKNOWN: "NOT_FOUND",
  UNAUTHORIZED: "UNAUTHENTICATED",
  DENIED: "FORBIDDEN",
  TOOMANYREQUESTS: "UPSTREAM",
  SIZE_INVALID: "UPSTREAM",
};

function codeFor(status: number, entries: RegistryErrorEntry[]): ErrorCode {
  if (status === 404) return "NOT_FOUND";
  if (status === 401) return "UNAUTHENTICATED";
  if (status === 403) return "FORBIDDEN";
  if (status === 413) return "TOO_LARGE";
  if (status === 504 || status === 408) return "UPSTREAM_TIMEOUT";
  for (const e of entries) {
    const mapped = CODE_BY_REGISTRY_CODE[e.code];
    if (mapped) return mapped;
  }
  return "UPSTREAM";
}

function parseEntries(bytes: Uint8Array): RegistryErrorEntry[] {
  try {
    const body: unknown = JSON.parse(new TextDecoder().decode(bytes));
    const errors = (body as { errors?: unknown })?.errors;
    if (!Array.isArray(errors)) return [];
    return errors
      .filter((e): e is Record<string, unknown> => typeof e === "object" && e !== null && typeof e.code === "string")
      .slice(0, 20)
      .map((e) => ({
        code: String(e.code).slice(0, 64),
        ...(typeof e.message === "string" ? { message: e.message.slice(0, 500) } : {}),
        ...(e.detail !== undefined ? { detail: e.detail } : {}),
      }));
  } catch {
    return []; // storage backends answer XML/HTML; the status alone must do
  }
}

/** Turns a non-success registry response into an `OciError`, reading at most MAX_ERROR_BODY_BYTES of it. */
export async function errorFromResponse(res: Response, method: string, what: string): Promise<OciError> {
  let entries: RegistryErrorEntry[] = [];
  if (method !== "HEAD") {
    try {
      entries = parseEntries(await readCapped(res, MAX_ERROR_BODY_BYTES, "error body", ERROR_BODY_TIMEOUT_MS));
    } catch {
      entries = [];
    }
  } else {
    discardBody(res);
  }
  const code = codeFor(res.status, entries);
  const first = entries[0];
  const message = `${what}: registry answered ${res.status}${first ? ` ${first.code}${first.message ? ` (${first.message})` : ""}` : ""}`;
  const url = res.url ? new URL(res.url) : null;
  return new OciError(code, message, {
    httpStatus: res.status,
    registryErrors: entries,
    method,
    ...(url ? { url: `${url.origin}${url.pathname}` } : {}),
  });
}
