export const MT = {
  ociManifest: "application/vnd.oci.image.manifest.v1+json",
  ociIndex: "application/vnd.oci.image.index.v1+json",
  dockerManifest: "application/vnd.docker.distribution.manifest.v2+json",
  dockerManifestList: "application/vnd.docker.distribution.manifest.list.v2+json",
  ociEmpty: "application/vnd.oci.empty.v1+json",
  kitConfig: "application/vnd.kitops.modelkit.config.v1+json",
  kitManifestArtifact: "application/vnd.kitops.modelkit.manifest.v1+json",
  kitIndexArtifact: "application/vnd.kitops.modelkit.index.v1+json",
  modelPackManifestArtifact: "application/vnd.cncf.model.manifest.v1+json",
  modelPackConfig: "application/vnd.cncf.model.config.v1+json",
  legacyCnaiConfig: "application/vnd.cnai.model.config.v1+json",
  legacyJozuConfig: "application/vnd.jozu.model.config.v1+json",
} as const;

/** Media types a manifest GET may legitimately answer with (the Accept list below). */
export const MANIFEST_MEDIA_TYPES: ReadonlySet<string> = new Set([MT.ociManifest, MT.ociIndex, MT.dockerManifest, MT.dockerManifestList]);

/** The Accept list sent for every manifest request: registries pick the type by it (distribution 2.8 needs OCI types here). */
export const MANIFEST_ACCEPT = [MT.ociManifest, MT.ociIndex, MT.dockerManifest, MT.dockerManifestList].join(", ");
