// Shared by server code and pure cores (tests import it directly), so no server-only guard here.
/**
 * The one error model of Kitgate. Codes are a closed set so that routes map them to HTTP statuses in one place,
 * clients can branch on them, and the OpenAPI document lists them (lib/api/openapi.ts reads this table).
 */
export const ERROR_CODES = {
  BAD_REQUEST: { status: 400, description: "The request cannot be served as asked (body not JSON, a directory asked for as a file)." },
  UNAUTHENTICATED: { status: 401, description: "Sign in, or send a valid API token: the bearer token is unknown, expired or revoked." },
  FORBIDDEN: { status: 403, description: "Signed in but lacking the permission, a token not allowed to do this, or a cross-site request." },
  NOT_FOUND: { status: 404, description: "Not found, or not visible to the caller (the two are indistinguishable on purpose)." },
  CONFLICT: { status: 409, description: "Illegal in the current state, or a concurrent change won: reload and retry." },
  TOO_LARGE: { status: 413, description: "The request body is over the route's cap." },
  RATE_LIMITED: { status: 429, description: "Too many failed attempts from this address (e.g. rejected API tokens); retry after the time the message names." },
  UNPROCESSABLE: { status: 422, description: "Invalid parameters or body; `issues` names each bad field." },
  MALFORMED_CONTENT: { status: 422, description: "Registry content (manifest, config, layer) is malformed." },
  LIMIT_EXCEEDED: { status: 422, description: "Content is over a safety budget (entries, bytes, size)." },
  CONFIG_INVALID: { status: 500, description: "Kitgate's configuration is invalid; an administrator must fix it." },
  INTERNAL: { status: 500, description: "Internal error; details are in the server log, never in the response." },
  UPSTREAM: { status: 502, description: "The registry failed or answered something unusable." },
  DIGEST_MISMATCH: { status: 502, description: "Bytes from the registry did not match their digest; nothing was shown." },
  UPSTREAM_TIMEOUT: { status: 504, description: "The registry, or the request as a whole, ran out of time." },
} as const satisfies Record<string, { status: number; description: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;
export const ERROR_CODE_NAMES = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown; details?: Record<string, unknown> }) {
    super(message, { cause: options?.cause });
    this.name = "AppError";
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.details = options?.details;
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
