import { requestOrigin } from "@/lib/audit/request-origin";
import { exportReport } from "@/lib/data/export-report";
import { getActor } from "@/lib/data/get-actor";
import { errorResponse } from "@/lib/http/error-response";
import { decisionsQuery } from "@/lib/validations/report-query";
import { reportResponse } from "../report-response";

export const dynamic = "force-dynamic";

/** `GET /api/v1/reports/decisions?repository=REGISTRY/REPO&from=&to=&format=csv|json|pdf`: all decisions of a period. */
export async function GET(request: Request): Promise<Response> {
  try {
    const q = decisionsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const { repository, ...rest } = q;
    const file = await exportReport(await getActor(), { report: "decisions", ...repository, ...rest }, requestOrigin(request.headers));
    return reportResponse(file);
  } catch (error) {
    return errorResponse(error);
  }
}
