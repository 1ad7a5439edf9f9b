import { getModelKitFile } from "@/lib/data/get-modelkit-file";
import { jsonHandler } from "@/lib/http/json-handler";
import { fileQuery } from "@/lib/validations/modelkit-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(fileQuery, (actor, q) => getModelKitFile(actor, q));
