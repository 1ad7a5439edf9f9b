// Self-made attestations for tests and the demo: in-toto statements signed in-process with node:crypto keys.
import { sign, type KeyObject } from "node:crypto";
import { pae } from "@/lib/attest/pae";

export const IN_TOTO = "application/vnd.in-toto+json";

export function statement(subjectDigest: string, predicateType: string, predicate: unknown): Record<string, unknown> {
  return {
    _type: "https://in-toto.io/Statement/v1",
    subject: [{ name: "registry.example/demo/model", digest: { sha256: subjectDigest.replace(/^sha256:/, "") } }],
    predicateType,
    predicate,
  };
}

export function signDsse(
  payload: Uint8Array | Record<string, unknown>,
  privateKey: KeyObject,
  opts: { payloadType?: string; keyid?: string; dsaEncoding?: "der" | "ieee-p1363"; pss?: boolean } = {},
): { payload: string; payloadType: string; signatures: { keyid: string; sig: string }[] } {
  const body = payload instanceof Uint8Array ? Buffer.from(payload) : Buffer.from(JSON.stringify(payload));
  const payloadType = opts.payloadType ?? IN_TOTO;
  const type = privateKey.asymmetricKeyType;
  const alg = type === "ed25519" ? null : privateKey.asymmetricKeyDetails?.namedCurve === "secp384r1" ? "sha384" : "sha256";
  const sig = sign(alg, pae(payloadType, body), {
    key: privateKey,
    ...(type === "ec" ? { dsaEncoding: opts.dsaEncoding ?? "der" } : {}),
    ...(opts.pss ? { padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 } : {}),
  } as Parameters<typeof sign>[2]);
  return { payload: body.toString("base64"), payloadType, signatures: [{ keyid: opts.keyid ?? "", sig: sig.toString("base64") }] };
}
