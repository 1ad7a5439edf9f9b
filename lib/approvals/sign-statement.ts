import "server-only";
import { createPrivateKey, sign, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { AMT } from "@/lib/attest/attest-media-types";
import { pae } from "@/lib/attest/pae";
import { AppError } from "@/lib/errors";

export interface SigningKey {
  name: string;
  key: KeyObject;
}

/** Reads the configured PEM private key (ECDSA, Ed25519 or RSA); a missing or unreadable key is a config error. */
export async function loadSigningKey(config: { name: string; privateKeyFile: string }): Promise<SigningKey> {
  try {
    return { name: config.name, key: createPrivateKey(await readFile(config.privateKeyFile)) };
  } catch (cause) {
    throw new AppError("CONFIG_INVALID", `trust.signingKey ${config.name}: cannot read ${config.privateKeyFile}`, { cause });
  }
}

/** A DSSE envelope over an in-toto statement, the format cosign/Kyverno verify (`verifyImages.attestations`). */
export function signStatement(statement: unknown, signer: SigningKey): Uint8Array {
  const body = Buffer.from(JSON.stringify(statement), "utf8");
  // Ed25519 hashes internally and takes no digest name; ECDSA and RSA sign SHA-256 (DER signature, as cosign).
  const alg = signer.key.asymmetricKeyType === "ed25519" ? null : "sha256";
  const sig = sign(alg, pae(AMT.inToto, body), signer.key);
  const envelope = {
    payloadType: AMT.inToto,
    payload: body.toString("base64"),
    signatures: [{ keyid: signer.name, sig: sig.toString("base64") }],
  };
  return Buffer.from(JSON.stringify(envelope), "utf8");
}
