import { createPdfWriter } from "./pdf-writer";
import type { DecisionsReport } from "./types";

/** The decisions report as a PDF: one block per decision, in time order. */
export async function renderDecisionsPdf(report: DecisionsReport): Promise<Buffer> {
  const pdf = createPdfWriter({ title: `Decisions ${report.repository}`, createdAt: new Date(report.generatedAt) });
  pdf.title(`Kitgate decisions: ${report.repository}`, `Period ${report.from ?? "beginning"} to ${report.to ?? "now"}; generated ${report.generatedAt} for ${report.generatedBy.name}`);
  if (report.decisions.length === 0) pdf.line("No decisions in this period.");
  for (const d of report.decisions) {
    pdf.line(`${d.at}  ${d.decision.toUpperCase()}  ${d.environment}  by ${d.approverName} (${d.approverSubject ?? d.approverId}; groups ${d.approverGroups.join(", ") || "-"})`);
    pdf.line(d.digest, { indent: 1, mono: true });
    pdf.line(`request ${d.requestId} (${d.requestState}), requested by ${d.requesterName}${d.comment ? `; "${d.comment}"` : ""}`, { indent: 1, color: "#444" });
  }
  if (report.truncated) pdf.line("Truncated: the period holds more decisions than one report carries; narrow it.", { color: "#a00" });
  return pdf.end();
}
