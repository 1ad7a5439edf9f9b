import { z } from "zod";
import { MAX_REFERENCE_LENGTH, cursor, filter, limit, registryName, repositoryName } from "./common";

/** `REGISTRY/REPO` as the API takes it: the registry is the first path segment. */
export const repositoryRef = z
  .string()
  .min(3)
  .max(MAX_REFERENCE_LENGTH)
  .transform((s, ctx) => {
    const slash = s.indexOf("/");
    const registry = registryName.safeParse(s.slice(0, Math.max(slash, 0)));
    const repository = repositoryName.safeParse(s.slice(slash + 1));
    if (slash <= 0 || !registry.success || !repository.success) {
      ctx.addIssue({ code: "custom", message: "expected REGISTRY/REPOSITORY, e.g. local/demo/fraud-detection" });
      return z.NEVER;
    }
    return { registry: registry.data, repository: repository.data };
  });

/** `GET /api/v1/versions?repository=REGISTRY/REPO`. */
export const versionsApiQuery = z.object({
  repository: z.preprocess((v) => (Array.isArray(v) ? v[0] : v), repositoryRef).describe("`REGISTRY/REPOSITORY`, e.g. `local/demo/fraud-detection`."),
  q: filter,
  cursor,
  limit,
});

/** `/repositories/[registry]/[...repository]` page: path segments plus the same filters. */
export const versionsPageParams = z.object({
  registry: registryName,
  repository: z.preprocess((v) => (Array.isArray(v) ? v.join("/") : v), repositoryName),
});
export const versionsPageSearch = z.object({ q: filter, cursor });
