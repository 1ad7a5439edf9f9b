import "server-only";
import { getConfig } from "@/lib/config/get-config";
import { AppError } from "@/lib/errors";
import { getRegistries } from "@/lib/registry/get-registries";
import type { RegistrySource } from "@/lib/registry/types";
import { canReadRepository } from "./can-read-repository";
import type { Actor } from "@/lib/access/actor";

export interface OpenRepository {
  registry: string;
  repository: string;
  source: RegistrySource;
}

/**
 * The door every repository read goes through: finds the registry by configured name (or by the host of a
 * remote registry's URL) and checks read permission. A forbidden repository answers exactly like a missing one.
 */
export async function openRepository(actor: Actor, registry: string, repository: string): Promise<OpenRepository> {
  const [config, sources] = await Promise.all([getConfig(), getRegistries()]);
  const entry =
    config.registries.find((r) => r.name === registry) ??
    config.registries.find((r) => r.kind === "remote" && hostOf(r.url) === registry.toLowerCase());
  const source = entry ? sources.get(entry.name) : undefined;
  if (!entry || !source || !canReadRepository(actor, entry.name, repository)) {
    throw new AppError("NOT_FOUND", `Repository ${registry}/${repository} not found`);
  }
  return { registry: entry.name, repository, source };
}

function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return "";
  }
}
