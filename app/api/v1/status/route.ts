import { getDeployStatus } from "@/lib/data/get-deploy-status";
import { jsonHandler } from "@/lib/http/json-handler";
import { deployStatusQuery } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** For CI: state of REF in ENV, its approvals, and whether it may deploy. */
export const GET = jsonHandler(deployStatusQuery, (actor, q) => getDeployStatus(actor, q));
