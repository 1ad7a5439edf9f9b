import { getModelKit } from "@/lib/data/get-modelkit";
import { jsonHandler } from "@/lib/http/json-handler";
import { modelKitQuery } from "@/lib/validations/modelkit-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(modelKitQuery, (actor, q) => getModelKit(actor, q));
