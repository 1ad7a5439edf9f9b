import type { ScanSeverity } from "./types";

// Other scanners' words mapped onto §7's four levels. Cosign vuln results carry the scanner's own words
// (Trivy/Grype: CRITICAL, HIGH, MEDIUM, LOW, NEGLIGIBLE, UNKNOWN); SARIF uses error/warning/note/none.
// CRITICAL is what blocks a release outright (error); HIGH needs a reviewer (concern); MEDIUM is worth a look.
const WORDS: Record<string, ScanSeverity> = {
  info: "info",
  informational: "info",
  none: "info",
  note: "info",
  negligible: "info",
  unknown: "info",
  low: "info",
  anomaly: "anomaly",
  medium: "anomaly",
  moderate: "anomaly",
  warning: "concern",
  concern: "concern",
  high: "concern",
  error: "error",
  critical: "error",
};

/** A scanner's severity word as a §7 severity, or null when the word is not known (shown verbatim instead). */
export function normaliseSeverity(word: unknown): ScanSeverity | null {
  if (typeof word !== "string") return null;
  return WORDS[word.trim().toLowerCase()] ?? null;
}
