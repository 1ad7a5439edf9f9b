import { getFileDiff } from "@/lib/data/get-file-diff";
import { jsonHandler } from "@/lib/http/json-handler";
import { fileDiffQuery } from "@/lib/validations/diff-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(fileDiffQuery, (actor, q) => getFileDiff(actor, q));
