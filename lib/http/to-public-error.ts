import "server-only";
import { ZodError } from "zod";
import { isAppError, type ErrorCode } from "@/lib/errors";
import { logger } from "@/lib/observability/logger";

export interface PublicError {
  status: number;
  code: ErrorCode;
  message: string;
  issues?: { path: string; message: string }[];
}

/**
 * The one place an exception becomes something a client may see. AppError messages are written for
 * users; zod issues say which parameter is wrong; anything else is a bug whose details stay in the log.
 */
export function toPublicError(error: unknown): PublicError {
  if (isAppError(error)) {
    if (error.status >= 500 && error.code === "INTERNAL") {
      logger.error({ err: error }, "internal error");
      return { status: 500, code: "INTERNAL", message: "Internal error" };
    }
    return { status: error.status, code: error.code, message: error.message };
  }
  if (error instanceof ZodError) {
    const issues = error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
    return {
      status: 422,
      code: "UNPROCESSABLE",
      message: issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; "),
      issues,
    };
  }
  logger.error({ err: error }, "unhandled error");
  return { status: 500, code: "INTERNAL", message: "Internal error" };
}
