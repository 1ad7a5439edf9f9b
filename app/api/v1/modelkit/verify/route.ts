import { endpoints } from "@/lib/api/endpoints";
import { verifyLayer } from "@/lib/data/verify-layer";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.verifyLayer, ({ actor, query }) => verifyLayer(actor, query));
