import type { ScanSeverity } from "./types";

// attestations.md §7: info < anomaly < concern < error.
const RANK: Record<ScanSeverity, number> = { info: 0, anomaly: 1, concern: 2, error: 3 };

/** Position of a scan severity in §7's order, so "worse than" is a number comparison. */
export function severityRank(severity: ScanSeverity): number {
  return RANK[severity];
}
