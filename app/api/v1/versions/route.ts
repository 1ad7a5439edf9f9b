import { endpoints } from "@/lib/api/endpoints";
import { listVersions } from "@/lib/data/list-versions";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listVersions, ({ actor, query: { repository, q, cursor, limit } }) =>
  listVersions(actor, { registry: repository.registry, repository: repository.repository, q, cursor, limit }),
);
