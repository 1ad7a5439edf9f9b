import { endpoints } from "@/lib/api/endpoints";
import { getEntryFilesDiff } from "@/lib/data/get-entry-files-diff";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.diffEntryFiles, ({ actor, query }) => getEntryFilesDiff(actor, query));
