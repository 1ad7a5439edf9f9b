import { listLayerFiles } from "@/lib/data/list-layer-files";
import { jsonHandler } from "@/lib/http/json-handler";
import { layerFilesQuery } from "@/lib/validations/modelkit-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(layerFilesQuery, (actor, q) => listLayerFiles(actor, q));
