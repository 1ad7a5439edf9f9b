import { getModelKitDiff } from "@/lib/data/get-modelkit-diff";
import { jsonHandler } from "@/lib/http/json-handler";
import { diffQuery } from "@/lib/validations/diff-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(diffQuery, (actor, q) => getModelKitDiff(actor, q));
