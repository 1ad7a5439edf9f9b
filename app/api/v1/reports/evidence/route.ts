import { requestOrigin } from "@/lib/audit/request-origin";
import { exportReport } from "@/lib/data/export-report";
import { getActor } from "@/lib/data/get-actor";
import { errorResponse } from "@/lib/http/error-response";
import { evidenceQuery } from "@/lib/validations/report-query";
import { reportResponse } from "../report-response";

export const dynamic = "force-dynamic";

/** `GET /api/v1/reports/evidence?ref=REF&format=json|pdf`: the version's evidence pack, as a download. */
export async function GET(request: Request): Promise<Response> {
  try {
    const q = evidenceQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const file = await exportReport(await getActor(), { report: "evidence", ...q }, requestOrigin(request.headers));
    return reportResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}
