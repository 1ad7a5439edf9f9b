import "server-only";
import { getConfig } from "@/lib/config/get-config";
import type { Actor } from "@/lib/access/actor";

/** Configured deployment environments in promotion order. Names only: they are not secret, so any actor may list them. */
export async function listEnvironments(actor: Actor): Promise<string[]> {
  void actor;
  return ((await getConfig()).environments ?? []).map((e) => e.name);
}
