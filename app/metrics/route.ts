import { metricsResponse } from "@/lib/http/ops-routes";

export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return metricsResponse(request);
}
