import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/access/actor";
import type { LayerVerificationDTO } from "./dto";
import { locateLayer } from "./locate-layer";

/**
 * "Verify whole layer": reads the layer from the registry to its end and hashes it, for layers whose files
 * were shown from Range reads or a partial stream. A mismatch is 502 DIGEST_MISMATCH naming the registry,
 * repository and digest. Verified bytes that fit the cache are kept there (with their provenance), so later
 * reads of this layer come from them.
 */
export async function verifyLayer(actor: Actor, input: { ref: string; layer: string }): Promise<LayerVerificationDTO> {
  const { repo, layer } = await locateLayer(actor, input.ref, input.layer);
  const stream = await repo.source.getBlob(repo.repository, layer);
  let seen = 0;
  // the source's stream hashes what passes and errors (DIGEST_MISMATCH, naming registry and blob) before its end
  for await (const chunk of stream) seen += (chunk as Uint8Array).length;
  if (seen !== layer.size) {
    throw new AppError("DIGEST_MISMATCH", `${repo.registry}/${repo.repository}@${layer.digest} ended after ${seen} of ${layer.size} bytes`);
  }
  return { layerDigest: layer.digest, size: layer.size, verified: true };
}
