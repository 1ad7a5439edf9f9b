// OpenAPI paths and schemas of the approval workflow (merged into lib/api/openapi.ts). Pure data; keep in step
// with lib/approvals/dto-types.ts and lib/data/get-deploy-status.ts.
import { APPROVAL_STATES } from "@/lib/approvals/types";

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const int = { type: "integer", minimum: 0 } as const;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const err = (description: string) => ({ description, content: { "application/json": { schema: ref("Error") } } });
const q = (name: string, description: string, schema: object, required = false) => ({ name, in: "query", required, description, schema });
const idParam = { name: "id", in: "path", required: true, description: "Approval request id.", schema: { type: "string", pattern: "^[a-z0-9]{1,64}$" } };
const json = (schema: object, description: string) => ({ description, content: { "application/json": { schema } } });
const mutationErrors = {
  "400": err("Bad request"),
  "401": err("Sign in (or send a valid API token) first"),
  "403": err("Missing permission, cross-site request, or the move is not yours to make (e.g. self-approval); `error.details` has `from`, `event`, `reason`"),
  "404": err("Not found, or not visible to the caller"),
  "409": err("Illegal transition for the current state, or a concurrent change won (retry after reloading)"),
  "422": err("Invalid body"),
};
const body = (schema: object) => ({ required: true, content: { "application/json": { schema } } });

export const approvalPaths = {
  "/approvals": {
    get: {
      operationId: "listApprovals",
      summary: "Approval requests the caller may read, newest first",
      parameters: [
        q("state", "Filter by state.", { enum: APPROVAL_STATES }),
        q("environment", "Filter by environment.", str),
        q("repository", "`REGISTRY/REPOSITORY`.", str),
        q("mine", "`1`: only requests waiting for the caller's decision.", { enum: ["0", "1"] }),
        q("cursor", "Opaque cursor from the previous page's `next`.", str),
        q("limit", "Page size.", { type: "integer", minimum: 1, maximum: 200 }),
      ],
      responses: { "200": json({ type: "object", properties: { items: { type: "array", items: ref("ApprovalRequest") }, next: nullableStr } }, "One page"), "401": err("Sign in first") },
    },
    post: {
      operationId: "requestPromotion",
      summary: "Request promotion of a version to an environment (the environment's policy gate must pass)",
      parameters: [{ name: "Idempotency-Key", in: "header", required: false, description: "Retries with the same key return the same request.", schema: str }],
      requestBody: body({ type: "object", required: ["ref", "environment"], additionalProperties: false, properties: { ref: str, environment: str, comment: nullableStr, idempotencyKey: str } }),
      responses: { "201": json(ref("ApprovalRequest"), "The request (awaiting-approval)"), ...mutationErrors },
    },
  },
  "/approvals/{id}": {
    get: { operationId: "getApproval", summary: "One approval request", parameters: [idParam], responses: { "200": json(ref("ApprovalRequest"), "The request"), "404": err("Not found") } },
  },
  "/approvals/{id}/decision": {
    post: {
      operationId: "decideApproval",
      summary: "Approve or reject; the last needed approval promotes (retag/copy, verified, signed statement attached)",
      parameters: [idParam],
      requestBody: body({ type: "object", required: ["decision"], additionalProperties: false, properties: { decision: { enum: ["approve", "reject"] }, comment: nullableStr } }),
      responses: { "200": json(ref("ApprovalRequest"), "The request after the decision; `approved` with `lastError` if the registry failed"), ...mutationErrors },
    },
  },
  "/approvals/{id}/revoke": {
    post: {
      operationId: "revokeApproval",
      summary: "Withdraw an approval; a promoted environment tag moves back to the previous digest",
      parameters: [idParam],
      requestBody: body({ type: "object", additionalProperties: false, properties: { reason: nullableStr } }),
      responses: { "200": json(ref("ApprovalRequest"), "The revoked request"), ...mutationErrors },
    },
  },
  "/approvals/{id}/promote": {
    post: { operationId: "retryPromotion", summary: "Retry the registry promotion of an approved request", parameters: [idParam], responses: { "200": json(ref("ApprovalRequest"), "The request"), ...mutationErrors } },
  },
  "/status": {
    get: {
      operationId: "getDeployStatus",
      summary: "For CI: state of REF in ENV, approvals, and whether it may deploy",
      parameters: [q("ref", "`REGISTRY/REPOSITORY:TAG` or `…@sha256:…`.", str, true), q("environment", "Environment name.", str, true)],
      responses: {
        "200": json(
          {
            type: "object",
            required: ["reference", "digest", "environment", "state", "mayDeploy"],
            properties: { reference: str, digest: str, environment: str, state: { enum: APPROVAL_STATES }, approvals: int, approvalsRequired: int, mayDeploy: { type: "boolean" }, request: { oneOf: [ref("ApprovalRequest"), { type: "null" }] } },
          },
          "Status",
        ),
        "404": err("Unknown reference or environment"),
      },
    },
  },
  "/environments": {
    get: {
      operationId: "getEnvironmentMatrix",
      summary: "Environment × version matrix of a repository: digest per environment, pending requests, drift alarm",
      parameters: [q("repository", "`REGISTRY/REPOSITORY`.", str, true)],
      responses: {
        "200": json(
          {
            type: "object",
            properties: {
              registry: str,
              repository: str,
              environments: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    environment: str,
                    target: { type: "object", properties: { repository: str, tag: str } },
                    approvedDigest: nullableStr,
                    currentDigest: nullableStr,
                    drift: { type: "boolean", description: "the environment tag no longer points at the digest Kitgate promoted" },
                    pending: { type: "array", items: ref("ApprovalRequest") },
                    error: nullableStr,
                  },
                },
              },
            },
          },
          "The matrix",
        ),
        "404": err("Not found"),
      },
    },
  },
} as const;

export const approvalSchemas = {
  ApprovalRequest: {
    type: "object",
    required: ["id", "registry", "repository", "digest", "environment", "state", "version"],
    properties: {
      id: str,
      registry: str,
      repository: str,
      digest: str,
      reference: str,
      requestedAs: nullableStr,
      environment: str,
      state: { enum: APPROVAL_STATES },
      version: int,
      requester: { type: "object", properties: { id: str, name: str } },
      comment: nullableStr,
      approvals: int,
      approvalsRequired: int,
      policyDigest: nullableStr,
      reason: nullableStr,
      lastError: { type: ["string", "null"], description: "last registry error; the state stays `approved` until the tag is verified" },
      createdAt: str,
      updatedAt: str,
      decisions: {
        type: "array",
        items: { type: "object", properties: { approverId: str, approverName: str, approverGroups: { type: "array", items: str }, approverSubject: nullableStr, decision: { enum: ["approve", "reject"] }, comment: nullableStr, at: str } },
      },
      promotions: {
        type: "array",
        items: { type: "object", properties: { kind: { enum: ["promote", "revoke"] }, targetRepository: str, tag: str, digest: str, previousDigest: nullableStr, status: { enum: ["succeeded", "failed"] }, error: nullableStr, statementDigest: nullableStr, at: str } },
      },
    },
  },
} as const;
