// Shared by server code and pure cores (tests import it directly), so no server-only guard here.
/**
 * The one error model of Kitgate. Codes are a closed set so that routes map them to HTTP statuses
 * in one place and clients can branch on them.
 */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNPROCESSABLE: 422,
  TOO_LARGE: 413,
  UPSTREAM: 502,
  UPSTREAM_TIMEOUT: 504,
  DIGEST_MISMATCH: 502,
  MALFORMED_CONTENT: 422,
  LIMIT_EXCEEDED: 422,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_STATUS[code];
    this.details = options?.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
