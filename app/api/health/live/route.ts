import { liveResponse } from "@/lib/http/ops-routes";

export const dynamic = "force-dynamic";

export function GET() {
  return liveResponse();
}
