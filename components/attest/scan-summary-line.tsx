import { Badge } from "@/components/ui/badge";
import type { ScanSummary } from "@/lib/attest/types";

export function ScanSummaryLine({ summary }: { summary: ScanSummary }) {
  const others = Object.entries(summary.otherCounts);
  return (
    <span className="row">
      {summary.passed ? <Badge tone="ok">scan passed</Badge> : <Badge tone="error">scan failed</Badge>}
      {summary.metricsTotal ? (
        <span className="muted">
          metrics {summary.metricsTotal - summary.metricsFailed}/{summary.metricsTotal} passed
        </span>
      ) : null}
      <span className="muted">
        findings: error {summary.counts.error} · concern {summary.counts.concern} · anomaly {summary.counts.anomaly} · info {summary.counts.info}
        {others.map(([word, n]) => ` · ${word} ${n}`).join("")}
      </span>
    </span>
  );
}
