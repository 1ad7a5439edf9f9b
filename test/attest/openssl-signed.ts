// Signed material made at test time by another implementation than Kitgate's: the `openssl` command line (a
// Debian package the suite already needs). It signs the DSSE pre-authentication encoding the way cosign and
// sigstore clients do (ECDSA P-256, SHA-256, DER signature), so the verifier is checked against bytes it did
// not produce itself. Nothing here is copied from another project.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pae } from "@/lib/attest/pae";

export interface OpensslSigner {
  /** PEM SubjectPublicKeyInfo */
  publicKeyPem: string;
  /** a DER ECDSA signature over `data` (SHA-256) */
  sign(data: Uint8Array): Buffer;
  /** deletes the key's temporary folder */
  dispose(): void;
}

/** A fresh P-256 key made by openssl; the private key never leaves its temporary folder. */
export function opensslP256(): OpensslSigner {
  const dir = mkdtempSync(join(tmpdir(), "kitgate-openssl-"));
  const key = join(dir, "key.pem");
  execFileSync("openssl", ["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", key]);
  const publicKeyPem = execFileSync("openssl", ["ec", "-in", key, "-pubout"], { stdio: ["ignore", "pipe", "ignore"] }).toString();
  let n = 0;
  return {
    publicKeyPem,
    sign(data) {
      const input = join(dir, `data-${n}`);
      const output = join(dir, `sig-${n++}`);
      writeFileSync(input, data);
      execFileSync("openssl", ["dgst", "-sha256", "-sign", key, "-out", output, input]);
      return readFileSync(output);
    },
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const sha256Of = (s: string) => `sha256:${createHash("sha256").update(s).digest("hex")}`;

/** A DSSE envelope as `cosign attest --key` writes one: in-toto v0.1 statement, empty keyid, DER signature. */
export function opensslDsse(signer: OpensslSigner, payloadType: string, payload: unknown): { payloadType: string; payload: string; signatures: { keyid: string; sig: string }[] } {
  const body = Buffer.from(typeof payload === "string" ? payload : JSON.stringify(payload));
  return { payloadType, payload: body.toString("base64"), signatures: [{ keyid: "", sig: signer.sign(pae(payloadType, body)).toString("base64") }] };
}

/** An SLSA v0.2 provenance statement about the blob whose content is `blob`. */
export function slsaStatement(blob: string): Record<string, unknown> {
  return {
    _type: "https://in-toto.io/Statement/v0.1",
    predicateType: "https://slsa.dev/provenance/v0.2",
    subject: [{ name: "churn-model.onnx", digest: { sha256: sha256Of(blob).slice("sha256:".length) } }],
    predicate: { builder: { id: "https://ci.example.org/runner/7" }, buildType: "https://ci.example.org/train@v1", invocation: { configSource: {} } },
  };
}
