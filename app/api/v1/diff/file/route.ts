import { endpoints } from "@/lib/api/endpoints";
import { getFileDiff } from "@/lib/data/get-file-diff";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.diffFile, ({ actor, query }) => getFileDiff(actor, query));
