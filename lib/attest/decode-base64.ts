const STD_OR_URL = /^[A-Za-z0-9+/_-]*={0,2}$/;

/**
 * Strict base64 (standard or URL-safe, as DSSE requires verifiers to accept). Node's decoder silently skips garbage,
 * which would let a mangled envelope "decode"; this rejects it instead. Returns null on bad input.
 */
export function decodeBase64(text: unknown): Buffer | null {
  if (typeof text !== "string") return null;
  const s = text.replace(/\s+/g, "");
  if (!STD_OR_URL.test(s) || s.length % 4 === 1) return null;
  return Buffer.from(s, "base64");
}
