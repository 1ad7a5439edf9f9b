import Papa from "papaparse";
import type { DecisionsReport } from "./types";

const COLUMNS = [
  "at",
  "repository",
  "digest",
  "environment",
  "decision",
  "approverId",
  "approverName",
  "approverSubject",
  "approverGroups",
  "comment",
  "requestId",
  "requestState",
  "requesterName",
] as const;

/**
 * Spreadsheets execute cells starting with these (OWASP "CSV injection"), and Excel/LibreOffice skip leading
 * spaces, tabs and line breaks before looking (red-team finding 11: ` =cmd`, `\t=cmd`, `\r@SUM`). Comments and names
 * are user text, so such cells get a leading `'`, which spreadsheets show as text.
 */
const FORMULA_START = /^[\s\u00a0\u200b\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20]|^[\t\r\n]/;

export function neutraliseCsvCell(v: unknown): string {
  const s = Array.isArray(v) ? v.join(" ") : v == null ? "" : String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
}

/** The decisions report as RFC 4180 CSV (papaparse quotes), one row per decision, header first. */
export function renderDecisionsCsv(report: DecisionsReport): string {
  return Papa.unparse({
    fields: [...COLUMNS],
    data: report.decisions.map((d) => COLUMNS.map((c) => neutraliseCsvCell(d[c]))),
  });
}
