import "server-only";
import { LRUCache } from "lru-cache";
import { AppError } from "@/lib/errors";
import { buildIndexView } from "@/lib/modelkit/build-index-view";
import { buildModelKitView } from "@/lib/modelkit/build-modelkit-view";
import { MAX_CONFIG_BYTES } from "@/lib/modelkit/constants";
import { parseManifest } from "@/lib/modelkit/parse-manifest";
import type { ModelKitView } from "@/lib/modelkit/types";
import { readBlobBytes } from "@/lib/registry/read-blob-bytes";
import type { RegistrySource } from "@/lib/registry/types";

export interface LoadedModelKit {
  view: ModelKitView;
  manifestBytes: Uint8Array;
}

// Views are built from content addressed by digest, so they never go stale; the bound only limits memory.
const views = new LRUCache<string, LoadedModelKit>({ max: 500 });

/** Fetches (verified) and interprets the manifest at `digest`; configs that are not JSON metadata are not fetched. */
export async function loadModelKit(
  source: RegistrySource,
  registry: string,
  repository: string,
  digest: string,
): Promise<LoadedModelKit> {
  const key = `${registry}\u0000${repository}\u0000${digest}`;
  const hit = views.get(key);
  if (hit) return hit;

  const fetched = await source.getManifest(repository, digest);
  const parsed = parseManifest(fetched.bytes, fetched.descriptor.mediaType);
  let view: ModelKitView;
  if (parsed.kind === "index") {
    view = buildIndexView({ manifestDigest: digest, index: parsed.index, contentType: fetched.descriptor.mediaType });
  } else {
    const config = parsed.manifest.config;
    let configBytes: Uint8Array | null = null;
    let configError: string | null = null;
    if (/json/.test(config.mediaType) && config.size <= MAX_CONFIG_BYTES) {
      try {
        configBytes = await readBlobBytes(source, repository, config, MAX_CONFIG_BYTES);
      } catch (e) {
        // A missing or corrupt config must not hide the rest of the version: show what the manifest says.
        if (!(e instanceof AppError)) throw e;
        configError = `config blob ${config.digest}: ${e.message}`;
      }
    }
    view = buildModelKitView({
      manifestDigest: digest,
      manifest: parsed.manifest,
      contentType: fetched.descriptor.mediaType,
      configBytes,
    });
    if (configError) view = { ...view, warnings: [...view.warnings, configError] };
  }
  const loaded = { view, manifestBytes: fetched.bytes };
  views.set(key, loaded);
  return loaded;
}
