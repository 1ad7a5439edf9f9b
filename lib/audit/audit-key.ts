import "server-only";
import { createHash, createPublicKey, hkdfSync, type KeyObject } from "node:crypto";
import { loadSigningKey, type SigningKey } from "@/lib/approvals/sign-statement";
import { getConfig } from "@/lib/config/get-config";
import type { KitgateConfig } from "@/lib/config/types";
import { logger } from "@/lib/observability/logger";

/** Everything the audit chain needs from trust.signingKey. The private key never leaves this process's memory. */
export interface AuditKey {
  /** hex sha256 of the public key's DER SPKI, first 16 characters: names the key in MACs and checkpoints */
  keyId: string;
  /** HMAC key for row MACs, derived from the private key (HKDF), so there is one secret to keep and back up */
  macKey: Buffer;
  signer: SigningKey;
  publicKey: KeyObject;
}

/** HKDF context: a different `info` would give an unrelated key, so rows MACed by one version verify in the next. */
const MAC_KEY_INFO = "kitgate audit row mac v1";

const cache = new WeakMap<KitgateConfig, Promise<AuditKey | null>>();

/** Derives the audit key material from a loaded signing key (pure apart from crypto; tests use it directly). */
export function toAuditKey(signer: SigningKey): AuditKey {
  const publicKey = createPublicKey(signer.key);
  const keyId = createHash("sha256").update(publicKey.export({ type: "spki", format: "der" })).digest("hex").slice(0, 16);
  const ikm = signer.key.export({ type: "pkcs8", format: "der" });
  const macKey = Buffer.from(hkdfSync("sha256", ikm, "kitgate-audit", MAC_KEY_INFO, 32));
  return { keyId, macKey, signer, publicKey };
}

/**
 * The audit key of the current config, or null when no trust.signingKey is configured. A configured key that cannot
 * be read is logged and treated as absent: an audit row must never be lost because of it (the chain is then sealed
 * under the lock without MACs, and the audit page warns that checkpoints are missing).
 */
export async function getAuditKey(config?: KitgateConfig): Promise<AuditKey | null> {
  const cfg = config ?? (await getConfig());
  let hit = cache.get(cfg);
  if (!hit) {
    const signing = cfg.trust?.signingKey;
    hit = signing
      ? loadSigningKey(signing).then(toAuditKey, (error: unknown) => {
          logger.error({ error: (error as Error).message }, "audit: trust.signingKey unusable, audit rows are not MACed and no checkpoints are signed");
          return null;
        })
      : Promise.resolve(null);
    cache.set(cfg, hit);
  }
  return hit;
}
