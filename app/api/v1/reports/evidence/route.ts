import { endpoints } from "@/lib/api/endpoints";
import { requestOrigin } from "@/lib/http/request-origin";
import { exportReport } from "@/lib/data/export-report";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.downloadEvidencePack, ({ actor, query, request }) =>
  exportReport(actor, { report: "evidence", ...query }, requestOrigin(request.headers)),
);
