import type { ScanSeverity } from "./types";

/** Other scanners' words mapped onto the scan predicate's four levels (attestations.md §7); unknown words stay verbatim. */
const SEVERITY_WORDS: Record<string, ScanSeverity> = {
  info: "info", informational: "info", note: "info", low: "info", negligible: "info", none: "info",
  anomaly: "anomaly", medium: "anomaly", moderate: "anomaly", warning: "anomaly",
  concern: "concern", high: "concern",
  error: "error", critical: "error",
};

/** Maps a severity word to the four-level scale; null for unknown words (shown verbatim). */
export function normaliseSeverity(word: unknown): ScanSeverity | null {
  return typeof word === "string" ? (SEVERITY_WORDS[word.trim().toLowerCase()] ?? null) : null;
}

