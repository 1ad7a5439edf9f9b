import { describe, expect, it } from "vitest";
import { OciError } from "@/lib/oci/oci-error";
import { errorFromResponse } from "@/lib/oci/transport/error-from-response";

const body = (status: number, errors: unknown) => new Response(JSON.stringify({ errors }), { status });

describe("errorFromResponse", () => {
  it.each([
    [404, "MANIFEST_UNKNOWN", "NOT_FOUND"],
    [401, "UNAUTHORIZED", "UNAUTHENTICATED"],
    [403, "DENIED", "FORBIDDEN"],
    [429, "TOOMANYREQUESTS", "UPSTREAM"],
    [400, "MANIFEST_BLOB_UNKNOWN", "UPSTREAM"],
    [504, "UNKNOWN", "UPSTREAM_TIMEOUT"],
  ])("status %i with %s → %s, keeping the registry's codes", async (status, registryCode, code) => {
    const e = await errorFromResponse(body(status, [{ code: registryCode, message: "m", detail: { x: 1 } }]), "GET", "thing");
    expect(e).toBeInstanceOf(OciError);
    expect(e.code).toBe(code);
    expect(e.httpStatus).toBe(status);
    expect(e.registryCodes).toEqual([registryCode]);
  });

  it("copes with a non-JSON error body (storage backends send XML)", async () => {
    const e = await errorFromResponse(new Response("<Error><Code>AccessDenied</Code></Error>", { status: 403 }), "GET", "blob");
    expect(e.code).toBe("FORBIDDEN");
    expect(e.registryCodes).toEqual([]);
  });
});
