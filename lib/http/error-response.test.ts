import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { errorResponse } from "./error-response";
import { logger } from "@/lib/observability/logger";

afterEach(() => vi.restoreAllMocks());

describe("errorResponse", () => {
  it("keeps an AppError's status, code and user-facing message", async () => {
    const res = errorResponse(new AppError("NOT_FOUND", "No tag 9.9.9 in local/demo/fraud-detection"));
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: "NOT_FOUND", message: "No tag 9.9.9 in local/demo/fraud-detection" } });
  });

  it("turns zod failures into 422 naming the bad parameter", async () => {
    const parsed = z.object({ layer: z.string().regex(/^sha256:/) }).safeParse({ layer: "nope" });
    const res = errorResponse(parsed.error);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe("UNPROCESSABLE");
    expect(body.error.issues).toEqual([expect.objectContaining({ path: "layer" })]);
  });

  it("hides unknown errors behind a generic 500 and logs them", async () => {
    const log = vi.spyOn(logger, "error").mockImplementation(() => {});
    const res = errorResponse(new Error("ECONNREFUSED 10.0.0.7:5432 password=hunter2"));
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toContain("hunter2");
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Internal error" } });
    expect(log).toHaveBeenCalledWith(expect.objectContaining({ err: expect.any(Error) }), "unhandled error");
    log.mockRestore();
  });
});
