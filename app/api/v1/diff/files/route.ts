import { getEntryFilesDiff } from "@/lib/data/get-entry-files-diff";
import { jsonHandler } from "@/lib/http/json-handler";
import { entryFilesDiffQuery } from "@/lib/validations/diff-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(entryFilesDiffQuery, (actor, q) => getEntryFilesDiff(actor, q));
