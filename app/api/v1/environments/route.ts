import { endpoints } from "@/lib/api/endpoints";
import { getEnvironmentMatrix } from "@/lib/data/get-environment-matrix";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.getEnvironmentMatrix, ({ actor, query }) => getEnvironmentMatrix(actor, query.repository));
