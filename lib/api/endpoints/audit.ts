import { auditQuery, auditVerifyQuery } from "@/lib/validations/audit-query";
import { decisionsQuery, evidenceQuery } from "@/lib/validations/report-query";
import { endpoint } from "../endpoint";
import { auditPageSchema, chainVerificationSchema } from "../schemas/audit";

export const auditEndpoints = {
  listAuditEvents: endpoint({
    method: "GET",
    path: "/audit",
    tag: "audit",
    summary: "Search the hash-chained audit log, newest first",
    description:
      "`who` is a substring of the actor's id or name; `action` an action (`approval.decision`) or a prefix ending in `.`; `from`/`to` a date (`YYYY-MM-DD`, a bare `to` date means through that day) or an ISO timestamp.",
    access: { signIn: true, note: "Admins see every row with network origin; others see rows of repositories they can read, and their own." },
    query: auditQuery,
    response: { kind: "json", status: 200, schema: auditPageSchema, description: "One page of audit rows" },
    errors: [],
  }),
  verifyAuditChain: endpoint({
    method: "GET",
    path: "/audit/verify",
    tag: "audit",
    summary: "Verify the audit chain against its newest signed checkpoint; name truncation and rewrites by sequence number",
    description:
      "The same check as `npm run audit:verify`. `mode=incremental` (default) reads the row the newest signed checkpoint sealed, the row count up to it, and every row after it; `mode=full` recomputes every row (hashes, links, MACs) and compares every checkpoint.",
    access: { permission: "admin.access", signIn: true },
    query: auditVerifyQuery,
    response: { kind: "json", status: 200, schema: chainVerificationSchema, description: "The verification result" },
    errors: ["FORBIDDEN"],
  }),
  downloadEvidencePack: endpoint({
    method: "GET",
    path: "/reports/evidence",
    tag: "audit",
    summary: "Evidence pack of one version, as a download",
    description:
      "Identity and digests, Kitfile summary, attestations with verification results, policy per environment, approval chain, promotions, audit-chain proof. Each export is recorded in the audit log as `report.export`.",
    access: { permission: "report.download", signIn: false },
    query: evidenceQuery,
    response: {
      kind: "download",
      status: 200,
      contentTypes: { "application/json": "kitgate.evidence-pack/v1", "application/pdf": "text-only PDF" },
      description: "The report as an attachment",
    },
    errors: ["NOT_FOUND", "FORBIDDEN"],
    readsRegistry: true,
  }),
  downloadDecisionsReport: endpoint({
    method: "GET",
    path: "/reports/decisions",
    tag: "audit",
    summary: "Every approval decision on one repository in a period, oldest first, as a download",
    description: "Each export is recorded in the audit log as `report.export`.",
    access: { permission: "report.download", signIn: true },
    query: decisionsQuery,
    response: {
      kind: "download",
      status: 200,
      contentTypes: {
        "application/json": "kitgate.decisions-report/v1",
        "text/csv": "one row per decision, header first",
        "application/pdf": "text-only PDF",
      },
      description: "The report as an attachment",
    },
    errors: ["NOT_FOUND", "FORBIDDEN"],
  }),
};
