import { endpoints } from "@/lib/api/endpoints";
import { getModelKitFile } from "@/lib/data/get-modelkit-file";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.getModelKitFile, ({ actor, query }) => getModelKitFile(actor, query));
