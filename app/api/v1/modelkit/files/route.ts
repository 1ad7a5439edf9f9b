import { endpoints } from "@/lib/api/endpoints";
import { listLayerFiles } from "@/lib/data/list-layer-files";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listLayerFiles, ({ actor, query }) => listLayerFiles(actor, query));
