import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { getRegistries } from "@/lib/registry/get-registries";
import type { Actor, RegistryDTO } from "./dto";

/** Configured registries, without credentials: a remote shows its URL only, a layout store shows "embedded". */
export async function listRegistries(actor: Actor): Promise<RegistryDTO[]> {
  if (actor.kind === "anonymous") return [];
  const [config, sources] = await Promise.all([getConfig(), getRegistries()]);
  return config.registries.flatMap((r) => {
    const source = sources.get(r.name);
    if (!source) return [];
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
