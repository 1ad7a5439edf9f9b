import type { ReportFile } from "@/lib/data/export-report";

/** A report as a download: attachment, never cached (it is a point-in-time, per-user export), never sniffed. */
export function reportResponse(file: ReportFile): Response {
  return new Response(file.body as BodyInit, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
