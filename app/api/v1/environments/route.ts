import { getEnvironmentMatrix } from "@/lib/data/get-environment-matrix";
import { jsonHandler } from "@/lib/http/json-handler";
import { environmentMatrixQuery } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";

/** Environment × version matrix of one repository: what is where, pending requests, drift. */
export const GET = jsonHandler(environmentMatrixQuery, (actor, q) => getEnvironmentMatrix(actor, q.repository));
