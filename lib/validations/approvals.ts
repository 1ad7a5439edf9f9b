import { z } from "zod";
import { APPROVAL_STATES } from "@/lib/approvals/types";
import { MAX_REFERENCE_LENGTH, cursor, limit } from "./common";
import { repositoryRef } from "./versions-query";

/** Comments and reasons are shown to approvers and signed into statements. */
const MAX_COMMENT_CHARS = 2000;
const environment = z.string().regex(/^[a-z0-9][a-z0-9._-]{0,62}$/, "not an environment name");
const reference = z.string().min(3).max(MAX_REFERENCE_LENGTH);
const comment = z.string().max(MAX_COMMENT_CHARS).nullish();

/** `GET /api/v1/approvals?state=&environment=&repository=REGISTRY/REPO&mine=1&cursor=&limit=`. */
export const approvalListQuery = z.object({
  state: z.enum(APPROVAL_STATES).optional().describe("Only requests in this state."),
  environment: environment.optional().describe("Only requests for this environment."),
  repository: repositoryRef.optional().describe("Only requests on `REGISTRY/REPOSITORY`."),
  mine: z.enum(["0", "1"]).optional().describe("`1`: only requests waiting for the caller's decision."),
  cursor,
  limit,
});

/** `POST /api/v1/approvals`: request promotion. The idempotency key may come in the body or the header. */
export const approvalRequestBody = z.strictObject({
  ref: reference,
  environment,
  comment,
  idempotencyKey: z.string().min(8).max(200).optional(),
});

export const approvalDecisionBody = z.strictObject({ decision: z.enum(["approve", "reject"]), comment });
export const approvalRevokeBody = z.strictObject({ reason: comment });
export const approvalIdParams = z.object({ id: z.string().regex(/^[a-z0-9]{1,64}$/, "not a request id").describe("Approval request id.") });

/** `GET /api/v1/status?ref=REF&environment=ENV`. */
export const deployStatusQuery = z.object({
  ref: reference.describe("`REGISTRY/REPOSITORY:TAG` or `…@sha256:…`, e.g. `local/demo/fraud-detection:1.0.0`."),
  environment: environment.describe("Environment name from the configuration, e.g. `production`."),
});
/** `GET /api/v1/environments?repository=REGISTRY/REPO`. */
export const environmentMatrixQuery = z.object({ repository: repositoryRef.describe("`REGISTRY/REPOSITORY`, e.g. `local/demo/fraud-detection`.") });

/** The approvals page's state filter: an unknown state in the URL lists everything rather than failing. */
export const approvalStateFilter = z.enum(APPROVAL_STATES).optional().catch(undefined);

/** States with a filter button: quarantined and scan-passed requests are not waiting on a person yet. */
export const APPROVAL_FILTER_STATES = APPROVAL_STATES.filter((s) => s !== "quarantined" && s !== "scan-passed");
