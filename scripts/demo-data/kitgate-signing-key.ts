// Kitgate's own signing key for approval statements (trust.signingKey in kitgate.yaml), generated on first use
// under data/keys/ and never committed. ECDSA P-256 because cosign and Kyverno verify it out of the box.
import { generateKeyPairSync } from "node:crypto";
import { access, mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

export async function ensureKitgateSigningKey(keysDir: string): Promise<{ privateKeyFile: string; publicKeyFile: string }> {
  const privateKeyFile = path.join(keysDir, "kitgate.key");
  const publicKeyFile = path.join(keysDir, "kitgate.pub");
  try {
    await access(privateKeyFile);
  } catch {
    await mkdir(keysDir, { recursive: true });
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
    await writeFile(privateKeyFile, privateKey.export({ type: "pkcs8", format: "pem" }), { mode: 0o600 });
    await writeFile(publicKeyFile, publicKey.export({ type: "spki", format: "pem" }));
  }
  return { privateKeyFile, publicKeyFile };
}
