import { AppError } from "@/lib/errors";

/**
 * Decodes untrusted bytes as UTF-8 JSON under a size cap. `what` names the document in errors
 * ("manifest", "config") so a user sees which blob is broken.
 */
export function decodeJson(bytes: Uint8Array, what: string, maxBytes: number): unknown {
  if (!(bytes instanceof Uint8Array)) throw new TypeError(`${what}: expected a Uint8Array`);
  if (bytes.byteLength > maxBytes) {
    throw new AppError("LIMIT_EXCEEDED", `${what} is ${bytes.byteLength} bytes; the limit is ${maxBytes}`, {
      details: { size: bytes.byteLength, limit: maxBytes },
    });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (cause) {
    throw new AppError("MALFORMED_CONTENT", `${what} is not valid UTF-8`, { cause });
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new AppError("MALFORMED_CONTENT", `${what} is not valid JSON: ${reason}`, { cause });
  }
}
