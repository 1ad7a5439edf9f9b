import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { renderDecisionsCsv } from "@/lib/reports/render-decisions-csv";
import { renderDecisionsPdf } from "@/lib/reports/render-decisions-pdf";
import { renderEvidencePdf } from "@/lib/reports/render-evidence-pdf";
import type { Actor } from "@/lib/access/actor";
import { getDecisionsReport } from "./get-decisions-report";
import { getEvidencePack } from "./get-evidence-pack";

export type ReportRequest =
  | { report: "evidence"; ref: string; format: "json" | "pdf" }
  | { report: "decisions"; registry: string; repository: string; from?: Date; to?: Date; format: "csv" | "json" | "pdf" };

export interface ReportFile {
  body: Uint8Array | string;
  contentType: string;
  filename: string;
}

const CONTENT_TYPES = { json: "application/json", pdf: "application/pdf", csv: "text/csv; charset=utf-8" } as const;

/**
 * Builds a report in the requested format and audits the export (`report.export`, after it was built, so a
 * refused or failed export is not recorded as one — denials are audited by requirePermission).
 */
export async function exportReport(
  actor: Actor,
  request: ReportRequest,
  origin: { ip: string | null; userAgent: string | null },
): Promise<ReportFile> {
  let file: ReportFile;
  let audit: { target: string; repository: string; details: Record<string, unknown> };
  if (request.report === "evidence") {
    const pack = await getEvidencePack(actor, { ref: request.ref });
    const short = pack.modelKit.digest.replace(/^sha256:/, "").slice(0, 12);
    const name = `evidence-${pack.modelKit.repository.replaceAll("/", "_")}-${short}.${request.format}`;
    file = {
      body: request.format === "pdf" ? new Uint8Array(await renderEvidencePdf(pack)) : JSON.stringify(pack, null, 2),
      contentType: CONTENT_TYPES[request.format],
      filename: name,
    };
    audit = {
      target: pack.modelKit.reference,
      repository: `${pack.modelKit.registry}/${pack.modelKit.repository}`,
      details: { report: "evidence", format: request.format, auditHead: pack.audit.chain.headHash },
    };
  } else {
    const report = await getDecisionsReport(actor, request);
    const body =
      request.format === "pdf" ? new Uint8Array(await renderDecisionsPdf(report)) : request.format === "csv" ? renderDecisionsCsv(report) : JSON.stringify(report, null, 2);
    file = { body, contentType: CONTENT_TYPES[request.format], filename: `decisions-${report.repository.replaceAll("/", "_")}.${request.format}` };
    audit = {
      target: report.repository,
      repository: report.repository,
      details: { report: "decisions", format: request.format, from: report.from, to: report.to, rows: report.decisions.length },
    };
  }
  await recordAuditEvent({ action: "report.export", actorId: actor.id, actorName: actor.name, ...audit, ...origin });
  return file;
}
