// Real signed material from outside projects, re-typed as test data. Origins:
// - COSIGN_*: sigstore/cosign cmd/cosign/cli/verify/verify_blob_attestation_test.go (`pubkey`,
//   `blobSLSAProvenanceSignature` base64-decoded to the DSSE envelope, `blobSha256` = sha256("some-payload")),
//   commit 04a2442a700050900bbfe227b5722ec4e7bf6f44.
// - SIGSTORE_JS_*: sigstore/sigstore-js packages/client/src/__tests__/__fixtures__/bundles/valid.ts, `v1.dsse.withPublicKey`
//   and `publicKeys['key-1']`, commit 04d29f418af56c41cdc7b8ea96c059ad9a382fdf (tlog entry omitted: not verified offline).
// - DSSE_SPEC_*: secure-systems-lab/dsse protocol.md "Test Vectors" (P-256 X/Y in decimal, raw r‖s signature),
//   commit 0110cc2e89df500345148a36c780d883922443ca.

export const COSIGN_PUBKEY = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAESF79b1ToAtoakhBOHEU5UjnEiihV
gZPFIp557+TOoDxf14FODWc+sIPETk0OgCplAk60doVXbCv33IU4rXZHrg==
-----END PUBLIC KEY-----
`;
export const COSIGN_BLOB_SHA256 = "sha256:658781cd4ed9bca60dacd09f7bb914bb51502e8b5d619f57f39a1d652596cc24";
export const COSIGN_SLSA_ENVELOPE =
  '{"payloadType":"application/vnd.in-toto+json","payload":"eyJfdHlwZSI6Imh0dHBzOi8vaW4tdG90by5pby9TdGF0ZW1lbnQvdjAuMSIsInByZWRpY2F0ZVR5cGUiOiJodHRwczovL3Nsc2EuZGV2L3Byb3ZlbmFuY2UvdjAuMiIsInN1YmplY3QiOlt7Im5hbWUiOiJibG9iIiwiZGlnZXN0Ijp7InNoYTI1NiI6IjY1ODc4MWNkNGVkOWJjYTYwZGFjZDA5ZjdiYjkxNGJiNTE1MDJlOGI1ZDYxOWY1N2YzOWExZDY1MjU5NmNjMjQifX1dLCJwcmVkaWNhdGUiOnsiYnVpbGRlciI6eyJpZCI6IjIifSwiYnVpbGRUeXBlIjoieCIsImludm9jYXRpb24iOnsiY29uZmlnU291cmNlIjp7fX19fQ==","signatures":[{"keyid":"","sig":"MEUCIA8KjZqkrt90fzBojSwwtj3Bqb41E6ruxQk97TLnpzdYAiEAzOAjOTzyvTHqbpFDAn6zhrg6EZv7kxK5faRoVGYMh2c="}]}';

export const SIGSTORE_JS_KEY_1 = `-----BEGIN PUBLIC KEY-----
MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEGg6Hjxt2UNiJ1kwwq5XQIIwMZnJf
VQ3bF01uZKteMdcV/3qhCmWOecoxRqwrbYTshGg9NyXcBbve6zKwZVTLeg==
-----END PUBLIC KEY-----`;
export const SIGSTORE_JS_DSSE_WITH_PUBLIC_KEY = {
  mediaType: "application/vnd.dev.sigstore.bundle+json;version=0.1",
  verificationMaterial: { publicKey: { hint: "key-1" }, tlogEntries: [], timestampVerificationData: { rfc3161Timestamps: [] } },
  dsseEnvelope: {
    payload: "aGVsbG8sIHdvcmxkIQ==",
    payloadType: "text/plain",
    signatures: [{ sig: "MEUCICUhAVewfwKlk5fVzpRDUPhEw9O8I2pxC5nTnPfYDBsOAiEA0ZFqs99QgR9mAtFMWtWrOjmUC47zgaoolKIoLH/OwdM=", keyid: "" }],
  },
};

export const DSSE_SPEC_X = 46950820868899156662930047687818585632848591499744589407958293238635476079160n;
export const DSSE_SPEC_Y = 5640078356564379163099075877009565129882514886557779369047442380624545832820n;
export const DSSE_SPEC_ENVELOPE = {
  payload: "aGVsbG8gd29ybGQ=",
  payloadType: "http://example.com/HelloWorld",
  signatures: [{ sig: "A3JqsQGtVsJ2O2xqrI5IcnXip5GToJ3F+FnZ+O88SjtR6rDAajabZKciJTfUiHqJPcIAriEGAHTVeCUjW2JIZA==" }],
};
