import "server-only";
import { createBlobCache } from "@/lib/cache/create-blob-cache";
import { withBlobCache } from "@/lib/cache/with-blob-cache";
import { getConfig } from "@/lib/config/get-config";
import type { KitgateConfig } from "@/lib/config/types";
import { createLayoutSource } from "./layout/create-layout-source";
import { createRemoteSource } from "./remote/create-remote-source";
import type { RegistrySource } from "./types";

// loadConfig returns the same object until the file changes, so this re-builds exactly when the config does
// (and token caches, probes and the cache's counters live as long as the config they came from).
const built = new WeakMap<KitgateConfig, Map<string, RegistrySource>>();

/** Every configured registry by name, each behind the shared blob cache; `config` defaults to getConfig(). */
export async function getRegistries(config?: KitgateConfig): Promise<Map<string, RegistrySource>> {
  const cfg = config ?? (await getConfig());
  const existing = built.get(cfg);
  if (existing) return existing;
  // One cache for all registries: storage is keyed by content digest, and each entry records which registry and
  // repository verified it, so a hit is only served where the bytes came from.
  const cache = createBlobCache(cfg.cache);
  const registries = new Map<string, RegistrySource>();
  for (const r of cfg.registries) {
    const source =
      r.kind === "oci-layout"
        ? createLayoutSource({ name: r.name, root: r.layout })
        : createRemoteSource({
            name: r.name,
            url: r.url,
            auth: r.auth,
            ...(r.repositories ? { repositories: r.repositories } : {}),
            ...(r.realmHosts ? { realmHosts: r.realmHosts } : {}),
            timeoutMs: cfg.timeouts.upstreamMs,
          });
    const where = r.kind === "oci-layout" ? `layout:${r.layout}` : r.url;
    registries.set(r.name, withBlobCache(source, cache, { scope: `${r.name}\u0000${where}`, wholeMaxBytes: cfg.reads.wholeLayerMaxBytes }));
  }
  built.set(cfg, registries);
  return registries;
}
