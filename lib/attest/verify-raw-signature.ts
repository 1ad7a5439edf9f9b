import { constants, verify, type KeyObject } from "node:crypto";

const EC_HASH: Record<string, string> = { prime256v1: "sha256", secp384r1: "sha384", secp521r1: "sha512" };

/**
 * One signature over `data` with one key, in every encoding the ecosystem uses for that key type: ECDSA as DER (cosign,
 * sigstore) or IEEE-P1363 r‖s (the DSSE spec vector, JOSE); RSA as PKCS#1 v1.5 or PSS; Ed25519 over the message itself.
 * Agreement on the scheme is out-of-band (cosign SIGNATURE_SPEC), so trying each is the only way to interoperate.
 */
export function verifyRawSignature(key: KeyObject, data: Uint8Array, signature: Uint8Array, hashOverride?: string): boolean {
  const attempt = (alg: string | null, opts: Record<string, unknown>) => {
    try {
      return verify(alg, data, { key, ...opts } as Parameters<typeof verify>[2], signature);
    } catch {
      return false;
    }
  };
  switch (key.asymmetricKeyType) {
    case "ec": {
      const hash = hashOverride ?? EC_HASH[key.asymmetricKeyDetails?.namedCurve ?? ""] ?? "sha256";
      return attempt(hash, { dsaEncoding: "der" }) || attempt(hash, { dsaEncoding: "ieee-p1363" });
    }
    case "ed25519":
    case "ed448":
      return attempt(null, {});
    case "rsa":
    case "rsa-pss": {
      const hash = hashOverride ?? "sha256";
      return (
        attempt(hash, { padding: constants.RSA_PKCS1_PADDING }) ||
        attempt(hash, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST }) ||
        attempt(hash, { padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_AUTO })
      );
    }
    default:
      return false;
  }
}
