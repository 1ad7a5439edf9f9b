// The approval workflow (lib/approvals/dto-types.ts, lib/data/get-deploy-status.ts, get-environment-matrix.ts).
import { z } from "zod";
import { APPROVAL_STATES } from "@/lib/approvals/types";
import { count, digest, page } from "./common";
import { named } from "./components";

const nullableString = z.string().nullable();
export const approvalState = z.enum(APPROVAL_STATES);

export const approvalRequestSchema = named(
  "ApprovalRequest",
  z.strictObject({
    id: z.string(),
    registry: z.string(),
    repository: z.string(),
    digest,
    reference: z.string().describe("`registry/repository@digest`"),
    requestedAs: nullableString.describe("what the requester named (tag or digest)"),
    environment: z.string(),
    state: approvalState,
    version: count.describe("optimistic-concurrency version of the request"),
    requester: z.strictObject({ id: z.string(), name: z.string() }),
    comment: nullableString,
    approvals: count,
    approvalsRequired: count,
    policyDigest: nullableString,
    reason: nullableString,
    lastError: nullableString.describe("last registry error; the state stays `approved` until the tag is verified"),
    createdAt: z.string(),
    updatedAt: z.string(),
    decisions: z.array(
      z.strictObject({
        approverId: z.string(),
        approverName: z.string(),
        approverGroups: z.array(z.string()),
        approverSubject: nullableString,
        decision: z.enum(["approve", "reject"]),
        comment: nullableString,
        at: z.string(),
      }),
    ),
    promotions: z.array(
      z.strictObject({
        kind: z.enum(["promote", "revoke"]),
        targetRepository: z.string(),
        tag: z.string(),
        digest: z.string(),
        previousDigest: nullableString,
        status: z.enum(["succeeded", "failed"]),
        error: nullableString,
        statementDigest: nullableString.describe("digest of the signed in-toto statement attached to the version"),
        at: z.string(),
      }),
    ),
  }),
);
export const approvalPageSchema = page(approvalRequestSchema);

export const deployStatusSchema = named(
  "DeployStatus",
  z.strictObject({
    reference: z.string(),
    digest,
    environment: z.string(),
    state: approvalState.describe("the latest request's state; with no request, `scan-passed` or `quarantined` by the environment's gate"),
    approvals: count,
    approvalsRequired: count,
    mayDeploy: z.boolean().describe("approved and promoted (the environment tag is verified)"),
    request: approvalRequestSchema.nullable(),
  }),
);

export const environmentMatrixSchema = named(
  "EnvironmentMatrix",
  z.strictObject({
    registry: z.string(),
    repository: z.string(),
    environments: z.array(
      z.strictObject({
        environment: z.string(),
        target: z.strictObject({ repository: z.string(), tag: z.string() }).describe("where promotion puts it (the tag may be a pattern)"),
        approvedDigest: nullableString.describe("the digest Kitgate promoted here last"),
        currentDigest: nullableString.describe("where the environment tag points in the registry now"),
        drift: z.boolean().describe("the tag no longer points at what was approved"),
        pending: z.array(approvalRequestSchema),
        error: nullableString,
      }),
    ),
  }),
);
