import { endpoints } from "@/lib/api/endpoints";
import { getDeployStatus } from "@/lib/data/get-deploy-status";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.getDeployStatus, ({ actor, query }) => getDeployStatus(actor, query));
