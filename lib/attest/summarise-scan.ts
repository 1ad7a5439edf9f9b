import { listVulnerabilities } from "./list-vulnerabilities";
import { metricPassed } from "./metric-passed";
import { normaliseSeverity } from "./normalise-severity";
import { COSIGN_VULN_PREDICATE_TYPE, SCAN_PREDICATE_TYPE } from "./predicate-types";
import type { ScanSeverity, ScanSummary } from "./types";

const SEVERITY_ORDER: ScanSeverity[] = ["info", "anomaly", "concern", "error"];
/**
 * Pass/fail and counts of a scan result: the Kitgate/Jozu scan predicate or a cosign vuln predicate (trivy/grype JSON
 * inside `scanner.result`). Null for other predicate types. Pure, for the UI, the API and the policy engine alike.
 */
export function summariseScan(predicateType: string | null, predicate: unknown): ScanSummary | null {
  if (!predicate || typeof predicate !== "object") return null;
  const p = predicate as Record<string, unknown>;
  const s = emptySummary();
  if (predicateType === SCAN_PREDICATE_TYPE) {
    const evaluations = Array.isArray(p.evaluations) ? p.evaluations : [];
    let listed = 0;
    for (const ev of evaluations as Record<string, unknown>[]) {
      const tool = (ev?.tool ?? {}) as Record<string, unknown>;
      if (typeof tool.name === "string") s.tools.push(`${tool.name}${typeof tool.version === "string" ? ` ${tool.version}` : ""}`.slice(0, 200));
      for (const m of Array.isArray(ev?.metrics) ? (ev.metrics as Record<string, unknown>[]) : []) {
        s.metricsTotal++;
        if (metricPassed(m) === false) s.metricsFailed++;
      }
      for (const f of Array.isArray(ev?.findings) ? (ev.findings as Record<string, unknown>[]) : []) {
        listed++;
        count(s, f?.severity);
      }
    }
    const totals = (p.metadata as { total_issues_by_severity?: Record<string, unknown> } | undefined)?.total_issues_by_severity;
    if (listed === 0 && totals && typeof totals === "object") {
      for (const [word, n] of Object.entries(totals)) if (typeof n === "number" && n > 0) count(s, word, Math.floor(n));
    }
    return finish(s, p.passed === false);
  }
  if (predicateType === COSIGN_VULN_PREDICATE_TYPE) {
    const scanner = (p.scanner ?? {}) as Record<string, unknown>;
    if (typeof scanner.uri === "string") s.tools.push(`${scanner.uri}${typeof scanner.version === "string" ? ` ${scanner.version}` : ""}`.slice(0, 200));
    for (const v of listVulnerabilities(scanner.result)) count(s, v.severity);
    return finish(s, false);
  }
  return null;
}

function emptySummary(): ScanSummary {
  return { worstSeverity: null, passed: true, counts: { info: 0, anomaly: 0, concern: 0, error: 0 }, otherCounts: {}, metricsTotal: 0, metricsFailed: 0, tools: [] };
}

function count(s: ScanSummary, word: unknown, n = 1): void {
  const sev = normaliseSeverity(word);
  if (sev) s.counts[sev] += n;
  else {
    const label = (typeof word === "string" && word ? word : "unknown").slice(0, 40);
    s.otherCounts[label] = (s.otherCounts[label] ?? 0) + n;
  }
}

function finish(s: ScanSummary, declaredFailed: boolean): ScanSummary {
  s.worstSeverity = [...SEVERITY_ORDER].reverse().find((sev) => s.counts[sev] > 0) ?? null;
  s.passed = !declaredFailed && s.metricsFailed === 0 && s.counts.error === 0;
  s.tools = s.tools.slice(0, 50);
  return s;
}
