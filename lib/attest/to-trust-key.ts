import { createHash, createPublicKey, type KeyObject } from "node:crypto";
import type { TrustKey } from "./trust-types";

/** A named public key (PEM text or KeyObject) with the hints envelopes use for it (cosign: base64 sha256 of the DER SPKI). */
export function toTrustKey(name: string, publicKey: string | KeyObject): TrustKey {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  if (key.type !== "public") throw new TypeError(`trust key ${name} is not a public key`);
  const der = key.export({ type: "spki", format: "der" });
  const sha = createHash("sha256").update(der).digest();
  return { name, key, hints: [name, sha.toString("base64"), sha.toString("hex")] };
}
