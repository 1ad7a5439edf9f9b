import "server-only";
import { createHash } from "node:crypto";

/** `<algorithm>:<hex>` of the exact bytes; sha256 unless the digest being checked uses sha512. */
export function computeDigest(bytes: Uint8Array, algorithm: "sha256" | "sha512" = "sha256"): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest("hex")}`;
}
