import { endpoints } from "@/lib/api/endpoints";
import { getModelKitDiff } from "@/lib/data/get-modelkit-diff";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.diffModelKits, ({ actor, query }) => getModelKitDiff(actor, query));
