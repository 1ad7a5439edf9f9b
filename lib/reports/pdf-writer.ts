import PDFDocument from "pdfkit";

/** Any one value printed in a report is capped: a hostile Kitfile or comment must not produce a 1000-page PDF. */
const MAX_VALUE_CHARS = 2_000;

/**
 * The PDF standard fonts (shipped as AFM files inside pdfkit, so no font binaries are needed) only cover
 * WinAnsi; other characters would print as garbage, so they become "?" and control characters are dropped.
 */
function printable(value: unknown): string {
  const s = value === null || value === undefined || value === "" ? "-" : String(value);
  const capped = s.length > MAX_VALUE_CHARS ? `${s.slice(0, MAX_VALUE_CHARS)}... (${s.length} chars)` : s;
  return capped.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "").replace(/[^\u0009\u000a\u0020-\u00ff]/g, "?");
}

/** A small text-only layout on top of pdfkit: title, sections, key/value lines, bullet lines. Text only, no HTML. */
export interface PdfWriter {
  title(text: string, subtitle?: string): void;
  section(text: string): void;
  field(label: string, value: unknown, options?: { mono?: boolean }): void;
  line(text: unknown, options?: { mono?: boolean; indent?: number; color?: string }): void;
  end(): Promise<Buffer>;
}

export function createPdfWriter(meta: { title: string; createdAt: Date }): PdfWriter {
  const doc = new PDFDocument({ size: "A4", margin: 48, info: { Title: meta.title, Creator: "Kitgate", CreationDate: meta.createdAt } });
  const chunks: Buffer[] = [];
  doc.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const left = doc.page.margins.left;
  return {
    title(text, subtitle) {
      doc.font("Helvetica-Bold").fontSize(18).fillColor("#111").text(printable(text), left);
      if (subtitle) doc.font("Helvetica").fontSize(10).fillColor("#555").text(printable(subtitle), left);
      doc.moveDown(0.8);
    },
    section(text) {
      doc.moveDown(0.6);
      doc.font("Helvetica-Bold").fontSize(13).fillColor("#111").text(printable(text), left);
      doc.moveDown(0.2);
    },
    field(label, value, options) {
      doc.font("Helvetica-Bold").fontSize(9).fillColor("#333").text(`${printable(label)}: `, left, undefined, { continued: true });
      doc.font(options?.mono ? "Courier" : "Helvetica").fontSize(9).fillColor("#000").text(printable(value));
    },
    line(text, options) {
      doc
        .font(options?.mono ? "Courier" : "Helvetica")
        .fontSize(9)
        .fillColor(options?.color ?? "#000")
        .text(printable(text), left + (options?.indent ?? 0) * 12);
    },
    end() {
      doc.end();
      return done;
    },
  };
}
