import { AppError, type ErrorCode } from "@/lib/errors";

export interface ParsedDigest {
  algorithm: "sha256" | "sha512";
  hex: string;
  /** the canonical `<algorithm>:<hex>` string */
  digest: string;
}

// Only algorithms we can verify are accepted: an unverifiable digest would let unverified bytes through.
export const DIGEST_PATTERN = /^(sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

/**
 * Validates a digest string. `code` says whose fault a bad value is: BAD_REQUEST for a caller's input,
 * MALFORMED_CONTENT for a digest found in registry content.
 */
export function parseDigest(value: unknown, code: ErrorCode = "BAD_REQUEST"): ParsedDigest {
  if (typeof value !== "string" || !DIGEST_PATTERN.test(value)) {
    throw new AppError(code, `invalid digest: ${JSON.stringify(String(value).slice(0, 140))}`);
  }
  const i = value.indexOf(":");
  return { algorithm: value.slice(0, i) as ParsedDigest["algorithm"], hex: value.slice(i + 1), digest: value };
}
