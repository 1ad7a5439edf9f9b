import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { getRegistries } from "@/lib/registry/get-registries";
import { canReadRepository } from "./can-read-repository";
import type { Actor } from "@/lib/access/actor";
import type { RegistryDTO } from "./dto";

/** Configured registries, without credentials: a remote shows its URL only, a layout store shows "embedded". */
export async function listRegistries(actor: Actor): Promise<RegistryDTO[]> {
  const [config, sources] = await Promise.all([getConfig(), getRegistries()]);
  return config.registries.flatMap((r) => {
    const source = sources.get(r.name);
    // A registry is listed when the actor may read something in it (anonymous only where access grants it).
    if (!source || !canReadRepository(actor, r.name, "")) return [];
    return [{
      name: r.name,
      kind: r.kind,
      location: r.kind === "remote" ? redact(r.url) : "embedded",
      capabilities: { ...source.capabilities },
    }];
  });
}

function redact(url: string): string {
  const u = new URL(url);
  u.username = "";
  u.password = "";
  return u.toString().replace(/\/$/, "");
}
