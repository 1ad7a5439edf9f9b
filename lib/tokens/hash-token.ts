import { createHash } from "node:crypto";

/**
 * sha256 of a token secret, hex. A fast hash is right here (unlike passwords): the secret is 256 random bits,
 * so there is no dictionary to brute-force and stretching would only slow down every API request. Stored hashes
 * are useless to someone who steals the database.
 */
export function hashToken(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}
