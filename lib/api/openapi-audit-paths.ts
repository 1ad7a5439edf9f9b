// OpenAPI paths of the audit log and report downloads (spread into lib/api/openapi.ts). Pure data.
import { MAX_CURSOR_LENGTH, MAX_FILTER_LENGTH, MAX_PAGE_SIZE, MAX_REFERENCE_LENGTH } from "@/lib/validations/common";

const str = { type: "string" } as const;
const nullableStr = { type: ["string", "null"] } as const;
const q = (name: string, description: string, schema: object, required = false) => ({ name, in: "query", required, description, schema });
const error = { description: "`{ error: { code, message } }`", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const errors = { "401": error, "403": error, "404": { ...error, description: "Not found, or not visible to the caller." }, "422": error };
const dateParam = (name: string, what: string) => q(name, `${what}: \`YYYY-MM-DD\` (a bare date as \`to\` means through the end of that day) or an ISO timestamp.`, { type: "string" });

const auditEvent = {
  type: "object",
  properties: {
    id: str,
    seq: { type: ["integer", "null"] },
    at: { type: "string", format: "date-time" },
    actorId: nullableStr,
    actorName: nullableStr,
    action: str,
    target: nullableStr,
    repository: { ...nullableStr, description: "`REGISTRY/REPOSITORY`" },
    environment: nullableStr,
    ip: { ...nullableStr, description: "admins only" },
    userAgent: { ...nullableStr, description: "admins only" },
    details: {},
    prevHash: nullableStr,
    hash: nullableStr,
  },
} as const;

const verification = {
  type: "object",
  required: ["ok", "checked"],
  properties: {
    ok: { type: "boolean" },
    checked: { type: "integer", description: "rows verified before the first broken one (all rows when ok)" },
    lastHash: { type: "string", description: "hash of the chain head: a checkpoint to write down" },
    firstBroken: {
      type: "object",
      properties: { seq: { type: ["integer", "null"] }, id: str, reason: { enum: ["hash-mismatch", "prev-mismatch", "gap"] } },
    },
  },
} as const;

const download = (types: Record<string, string>) => ({
  "200": {
    description: "The report as an attachment (`Content-Disposition`). Each export is recorded in the audit log as `report.export`.",
    content: Object.fromEntries(Object.entries(types).map(([t, d]) => [t, { schema: { type: "string", description: d } }])),
  },
  ...errors,
});

export const auditPaths = {
  "/audit": {
    get: {
      operationId: "listAuditEvents",
      summary: "Search the hash-chained audit log, newest first. Admins see every row; others see rows of repositories they can read, and their own.",
      parameters: [
        q("who", "Substring of the actor's id or name.", { type: "string", maxLength: MAX_FILTER_LENGTH }),
        q("action", "An action (`approval.decision`) or a prefix ending in `.` (`approval.`).", { type: "string", maxLength: MAX_FILTER_LENGTH }),
        dateParam("from", "Earliest time"),
        dateParam("to", "Latest time"),
        q("repository", "`REGISTRY/REPOSITORY`, exact.", str),
        q("environment", "Environment name, exact.", str),
        q("cursor", "`next` of the previous page.", { type: "string", maxLength: MAX_CURSOR_LENGTH }),
        q("limit", "Page size (default 50).", { type: "integer", minimum: 1, maximum: MAX_PAGE_SIZE }),
      ],
      responses: {
        "200": {
          description: "One page of audit rows",
          content: { "application/json": { schema: { type: "object", properties: { items: { type: "array", items: auditEvent }, next: nullableStr } } } },
        },
        ...errors,
      },
    },
  },
  "/audit/verify": {
    get: {
      operationId: "verifyAuditChain",
      summary: "Recompute the audit hash chain and name the first broken row (admins). Same check as `npm run audit:verify`.",
      responses: { "200": { description: "Verification result", content: { "application/json": { schema: verification } } }, ...errors },
    },
  },
  "/reports/evidence": {
    get: {
      operationId: "downloadEvidencePack",
      summary: "Evidence pack of one version: identity and digests, Kitfile summary, attestations with verification results, policy per environment, approval chain, promotions, audit-chain proof. Needs report.download.",
      parameters: [
        q("ref", "`REGISTRY/REPOSITORY:TAG` or `…@sha256:…`.", { type: "string", maxLength: MAX_REFERENCE_LENGTH }, true),
        q("format", "json (default) or pdf.", { enum: ["json", "pdf"] }),
      ],
      responses: download({ "application/json": "kitgate.evidence-pack/v1", "application/pdf": "text-only PDF" }),
    },
  },
  "/reports/decisions": {
    get: {
      operationId: "downloadDecisionsReport",
      summary: "Every approval decision on one repository in a period, oldest first. Needs report.download.",
      parameters: [
        q("repository", "`REGISTRY/REPOSITORY`.", str, true),
        dateParam("from", "Period start"),
        dateParam("to", "Period end"),
        q("format", "json (default), csv or pdf.", { enum: ["json", "csv", "pdf"] }),
      ],
      responses: download({ "application/json": "kitgate.decisions-report/v1", "text/csv": "one row per decision, header first", "application/pdf": "text-only PDF" }),
    },
  },
} as const;
