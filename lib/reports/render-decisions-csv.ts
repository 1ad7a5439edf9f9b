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

/** Spreadsheets execute cells starting with these; comments are user text, so such cells are quoted as text. */
const FORMULA_START = /^[=+\-@\t\r]/;

const cell = (v: unknown) => {
  const s = Array.isArray(v) ? v.join(" ") : v == null ? "" : String(v);
  return FORMULA_START.test(s) ? `'${s}` : s;
};

/** The decisions report as RFC 4180 CSV (papaparse quotes), one row per decision, header first. */
export function renderDecisionsCsv(report: DecisionsReport): string {
  return Papa.unparse({
    fields: [...COLUMNS],
    data: report.decisions.map((d) => COLUMNS.map((c) => cell(d[c]))),
  });
}
