import { endpoints } from "@/lib/api/endpoints";
import { listRepositories } from "@/lib/data/list-repositories";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listRepositories, ({ actor, query }) => listRepositories(actor, query));
