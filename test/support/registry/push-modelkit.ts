// Pushes a packed ModelKit (scripts/demo-data/pack-modelkit) to a registry byte for byte: blobs, then the manifest.
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import type { OciContext } from "@/lib/oci/client/types";
import type { PackedModelKit } from "@/scripts/demo-data/pack-modelkit";

export async function pushModelKit(ctx: OciContext, repo: string, tags: string[], kit: PackedModelKit): Promise<string> {
  await pushBlob(ctx, repo, kit.config.bytes, { mediaType: kit.config.mediaType });
  for (const layer of kit.layers) await pushBlob(ctx, repo, layer.bytes, { mediaType: layer.mediaType });
  let digest = "";
  for (const tag of tags) digest = (await pushManifest(ctx, repo, tag, kit.manifest, kit.mediaType)).digest;
  return digest;
}
