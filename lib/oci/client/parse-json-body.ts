import { AppError } from "@/lib/errors";

/** Parses registry JSON; bad bytes are MALFORMED_CONTENT (the registry's fault, not a crash). */
export function parseJsonBody(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (e) {
    throw new AppError("MALFORMED_CONTENT", `${what} is not valid JSON`, { cause: e });
  }
}
