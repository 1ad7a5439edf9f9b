// Copies every tag of an OCI-layout store into a real registry byte for byte (manifests keep their digests),
// the way `oras copy` would. skopeo 1.9 drops `artifactType`/`modelMetadata` from kit indexes, so tests use this.
import { pushBlob } from "@/lib/oci/client/push-blob";
import { pushManifest } from "@/lib/oci/client/push-manifest";
import type { OciContext } from "@/lib/oci/client/types";
import { parseManifest } from "@/lib/modelkit/parse-manifest";
import { createLayoutSource } from "@/lib/registry/layout/create-layout-source";
import { readBlobBytes } from "@/lib/registry/read-blob-bytes";

const MAX_TEST_BLOB = 256 * 1024 * 1024;

export async function copyLayoutToRegistry(root: string, ctx: OciContext): Promise<Record<string, string>> {
  const layout = createLayoutSource({ name: "src", root });
  const copied: Record<string, string> = {};
  const repos = (await layout.listRepositories(null, 1000)).items;
  for (const repo of repos) {
    const tags = (await layout.listTags(repo, null, 1000)).items;
    const copyManifest = async (reference: string, tag: string): Promise<string> => {
      const m = await layout.getManifest(repo, reference);
      const parsed = parseManifest(m.bytes, m.descriptor.mediaType);
      if (parsed.kind === "index") {
        for (const child of parsed.index.manifests) await copyManifest(child.digest, child.digest);
      } else {
        for (const d of [parsed.manifest.config, ...parsed.manifest.layers]) {
          await pushBlob(ctx, repo, await readBlobBytes(layout, repo, d, MAX_TEST_BLOB), { mediaType: d.mediaType });
        }
      }
      const pushed = await pushManifest(ctx, repo, tag, m.bytes, m.descriptor.mediaType);
      return pushed.digest;
    };
    for (const tag of tags) copied[`${repo}:${tag}`] = await copyManifest(tag, tag);
  }
  return copied;
}
