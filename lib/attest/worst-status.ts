import type { AttestationDTO, ScanSeverity } from "./types";

export type AttestationBadge =
  | { kind: "unsigned"; label: string }
  | { kind: "failed"; label: string }
  | { kind: "unverified"; label: string }
  | { kind: "verified"; label: string; worstSeverity: ScanSeverity | null; scanPassed: boolean | null };

/**
 * One badge for a version in lists: "unsigned" (nothing found), "verification failed" (anything tampered or signed for
 * another digest), "unverified" (present but no configured key vouches for it), else "verified" with the worst verified
 * scan finding. Only verified attestations speak for the content.
 */
export function worstStatus(attestations: readonly Pick<AttestationDTO, "status" | "summary">[]): AttestationBadge {
  if (attestations.length === 0) return { kind: "unsigned", label: "unsigned" };
  if (attestations.some((a) => a.status === "invalid-signature" || a.status === "subject-mismatch")) {
    return { kind: "failed", label: "verification failed" };
  }
  const verified = attestations.filter((a) => a.status === "verified");
  if (verified.length === 0) return { kind: "unverified", label: "unverified" };
  const order: ScanSeverity[] = ["info", "anomaly", "concern", "error"];
  const scans = verified.map((a) => a.summary).filter((s) => s !== null);
  const worst = scans.map((s) => s.worstSeverity).filter((s) => s !== null).sort((a, b) => order.indexOf(b) - order.indexOf(a))[0] ?? null;
  const scanPassed = scans.length ? scans.every((s) => s.passed) : null;
  const label = scanPassed === false ? "scan failed" : worst ? `verified · worst: ${worst}` : "verified";
  return { kind: "verified", label, worstSeverity: worst, scanPassed };
}
