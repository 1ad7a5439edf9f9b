// Pure module (no I/O), shared by the transport layers and the client operations.
import { AppError, type ErrorCode } from "@/lib/errors";

/** One entry of the distribution spec's error body: `{ "errors": [{ code, message, detail }] }`. */
export interface RegistryErrorEntry {
  code: string;
  message?: string;
  detail?: unknown;
}

/**
 * The detailed tier of OCI errors (oras-go's `errcode.ErrorResponse`): the upstream HTTP status and the
 * registry's `errors[]`. It is an `AppError`, so callers that only care about the simple cases test
 * `code` (NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, UPSTREAM, …) and never parse registry strings.
 */
export class OciError extends AppError {
  /** HTTP status the registry answered with */
  readonly httpStatus: number;
  /** the registry's `errors[]`, in order; empty when the body had none */
  readonly registryErrors: RegistryErrorEntry[];

  constructor(
    code: ErrorCode,
    message: string,
    init: { httpStatus: number; registryErrors?: RegistryErrorEntry[]; cause?: unknown; method?: string; url?: string },
  ) {
    super(code, message, {
      cause: init.cause,
      details: {
        httpStatus: init.httpStatus,
        registryCodes: (init.registryErrors ?? []).map((e) => e.code),
        ...(init.method ? { method: init.method } : {}),
        ...(init.url ? { url: init.url } : {}),
      },
    });
    this.name = "OciError";
    this.httpStatus = init.httpStatus;
    this.registryErrors = init.registryErrors ?? [];
  }

  /** the registry's error codes, e.g. `["MANIFEST_UNKNOWN"]` */
  get registryCodes(): string[] {
    return this.registryErrors.map((e) => e.code);
  }
}
