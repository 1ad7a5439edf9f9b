import { randomBytes } from "node:crypto";
import { hashToken } from "./hash-token";

/** 32 random bytes: 256 bits of entropy, base64url → 43 characters. */
const TOKEN_BYTES = 32;
/** `kg_` + 8 characters: recognisable in lists and by secret scanners, far too short to guess the rest. */
const PREFIX_CHARS = 11;

export const TOKEN_PATTERN = /^kg_[A-Za-z0-9_-]{43}$/;

/** A new token secret with its stored forms (hash, display prefix). The secret itself is never stored. */
export function generateTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `kg_${randomBytes(TOKEN_BYTES).toString("base64url")}`;
  return { secret, prefix: secret.slice(0, PREFIX_CHARS), hash: hashToken(secret) };
}
