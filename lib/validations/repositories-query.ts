import { z } from "zod";
import { cursor, filter, limit, registryName } from "./common";

/** `/registries/[registry]` page and `GET /api/v1/repositories`. */
export const repositoriesQuery = z.object({ registry: registryName, q: filter, cursor, limit });
export type RepositoriesQuery = z.infer<typeof repositoriesQuery>;
