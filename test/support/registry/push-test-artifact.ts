// Pushes a small ModelKit-shaped artifact (kit config + one tar layer) through the OCI client, for tests.
import { buffer } from "node:stream/consumers";
import { pack } from "tar-stream";
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import type { OciContext } from "@/lib/oci/client/types";
import { MT } from "@/lib/oci/media-types";
import type { Descriptor } from "@/lib/oci/types";

export interface PushedArtifact {
  manifest: Descriptor;
  manifestBytes: Uint8Array;
  config: Descriptor;
  configBytes: Uint8Array;
  layer: Descriptor;
  layerBytes: Uint8Array;
}

async function tarOf(files: Record<string, string | Uint8Array>): Promise<Uint8Array> {
  const p = pack();
  for (const [name, content] of Object.entries(files)) p.entry({ name }, Buffer.from(content));
  p.finalize();
  return new Uint8Array(await buffer(p));
}

export async function pushTestArtifact(
  ctx: OciContext,
  repo: string,
  tag: string,
  opts: { modelBytes?: Uint8Array; name?: string } = {},
): Promise<PushedArtifact> {
  const kitfile = { manifestVersion: "1.0.0", package: { name: opts.name ?? repo }, model: { path: "model.bin" } };
  const configBytes = new TextEncoder().encode(JSON.stringify(kitfile));
  const layerBytes = await tarOf({ "model.bin": opts.modelBytes ?? new TextEncoder().encode(`weights of ${repo}:${tag}\n`) });
  const config = await pushBlob(ctx, repo, configBytes, { mediaType: MT.kitConfig });
  const layerDesc = await pushBlob(ctx, repo, layerBytes, { mediaType: "application/vnd.kitops.modelkit.model.v1.tar" });
  const layer = { ...layerDesc, annotations: { "org.opencontainers.image.title": "model.bin" } };
  const manifestBytes = new TextEncoder().encode(
    JSON.stringify({ schemaVersion: 2, mediaType: MT.ociManifest, config, layers: [layer] }, null, 2),
  );
  const manifest = await pushManifest(ctx, repo, tag, manifestBytes, MT.ociManifest);
  return { manifest, manifestBytes, config, configBytes, layer, layerBytes };
}
