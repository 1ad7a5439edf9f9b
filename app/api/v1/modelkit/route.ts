import { endpoints } from "@/lib/api/endpoints";
import { getModelKit } from "@/lib/data/get-modelkit";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.getModelKit, ({ actor, query }) => getModelKit(actor, query));
