// Media and artifact types of signatures and attestations (attestations.md §1, §2, §5).
export const AMT = {
  dsseEnvelope: "application/vnd.dsse.envelope.v1+json",
  simpleSigning: "application/vnd.dev.cosign.simplesigning.v1+json",
  sigstoreBundleV03: "application/vnd.dev.sigstore.bundle.v0.3+json",
  inToto: "application/vnd.in-toto+json",
  cosignSigArtifact: "application/vnd.dev.cosign.artifact.sig.v1+json",
  notarySignature: "application/vnd.cncf.notary.signature",
  jose: "application/jose+json",
  cose: "application/cose",
} as const;

export const COSIGN_SIGNATURE_ANNOTATION = "dev.cosignproject.cosign/signature";
export const OCI_CREATED_ANNOTATION = "org.opencontainers.image.created";
