import type { KeyObject } from "node:crypto";

/** A configured public key (`trust.keys`), parsed. Server-side only: KeyObjects never reach a DTO. */
export interface TrustKey {
  name: string;
  key: KeyObject;
  /**
   * Strings an envelope may carry as `keyid`/`publicKey.hint` for this key: its name, base64 and hex sha256 of the DER
   * SPKI (cosign's hint). Hints are unauthenticated: they only decide "invalid" vs "untrusted" after every key failed.
   */
  hints: string[];
}

export interface TrustMaterial {
  keys: TrustKey[];
  /** parsed sigstore trusted_root.json (offline), for keyless bundles; null when not configured */
  sigstoreTrustedRoot: unknown | null;
  /** Notary v2 trust store configured (not implemented yet: always false) */
  notationTrustStore: boolean;
}
