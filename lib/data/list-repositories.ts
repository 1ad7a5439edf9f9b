import "server-only";
import { AppError } from "@/lib/errors";
import { canReadRepository } from "./can-read-repository";
import type { Actor } from "@/lib/access/actor";
import type { PageDTO, RepositoryDTO } from "./dto";
import { openRepository } from "./open-repository";

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 200;
/** Catalog pages scanned per request while filtering, so a rare match cannot make one request walk everything. */
const MAX_PAGES_SCANNED = 20;

/** Repositories of one registry the actor may read, filtered by `q`, paged with the registry's own cursor. */
export async function listRepositories(
  actor: Actor,
  input: { registry: string; q?: string; cursor?: string | null; limit?: number },
): Promise<PageDTO<RepositoryDTO>> {
  // Opening any repository name proves the registry exists and is visible; "" is never a real repository.
  const { source, registry } = await openRepository(actor, input.registry, "").catch((e: unknown) => {
    if (e instanceof AppError && e.code === "NOT_FOUND") throw new AppError("NOT_FOUND", `Registry ${input.registry} not found`);
    throw e;
  });
  const limit = Math.min(Math.max(input.limit ?? DEFAULT_LIMIT, 1), MAX_LIMIT);
  const q = input.q?.trim().toLowerCase();
  const items: RepositoryDTO[] = [];
  let cursor = input.cursor ?? null;
  for (let pages = 0; pages < MAX_PAGES_SCANNED; pages++) {
    const page = await source.listRepositories(cursor, limit);
    for (const name of page.items) {
      if (items.length >= limit) break;
      if (q && !name.toLowerCase().includes(q)) {
        cursor = name;
        continue;
      }
      if (canReadRepository(actor, registry, name)) items.push({ registry, name });
      cursor = name;
    }
    if (items.length >= limit) return { items, next: cursor };
    if (!page.next) return { items, next: null };
    cursor = page.next;
  }
  return { items, next: cursor };
}
