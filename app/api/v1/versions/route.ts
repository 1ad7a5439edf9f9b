import { listVersions } from "@/lib/data/list-versions";
import { jsonHandler } from "@/lib/http/json-handler";
import { versionsApiQuery } from "@/lib/validations/versions-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(versionsApiQuery, (actor, { repository, q, cursor, limit }) =>
  listVersions(actor, { registry: repository.registry, repository: repository.repository, q, cursor, limit }),
);
