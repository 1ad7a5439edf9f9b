import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import type { PredicateView as PredicateDisplay, ScanEvaluationView } from "@/lib/attest/predicate-types";
import type { ScanSeverity } from "@/lib/attest/types";
import { JsonTree } from "./json-tree";
import { ScanSummaryLine } from "./scan-summary-line";

const SEVERITY_TONE: Record<ScanSeverity, BadgeTone> = { info: "info", anomaly: "violet", concern: "warn", error: "error" };

/** A verified predicate, rendered by its signed type; text only (React escapes every string). */
export function PredicateView({ view, predicate }: { view: PredicateDisplay; predicate: unknown }) {
  switch (view.kind) {
    case "scan":
      return (
        <div className="stack">
          {view.modelkitReference ? <p className="muted">Scanned: {view.modelkitReference}</p> : null}
          {view.evaluations.map((ev, i) => (
            <ScannerCard key={i} ev={ev} />
          ))}
        </div>
      );
    case "vuln":
      return (
        <div className="stack">
          <p>
            {view.scanner ?? "scanner"} {view.scannerVersion ?? ""} {view.db ? `· db ${view.db}` : ""} {view.finishedOn ? `· finished ${view.finishedOn}` : ""}
          </p>
          <ScanSummaryLine summary={view.summary} />
          <Table caption="Vulnerabilities">
            <thead>
              <tr><th>ID</th><th>Severity</th><th>Package</th></tr>
            </thead>
            <tbody>
              {view.vulnerabilities.map((v, i) => (
                <tr key={i}><td>{v.id}</td><td>{v.severity}</td><td>{v.pkg}</td></tr>
              ))}
            </tbody>
          </Table>
        </div>
      );
    case "slsa-provenance":
      return (
        <div className="stack">
          <dl className="dl">
            <dt>SLSA provenance</dt><dd>{view.version}</dd>
            <dt>Builder</dt><dd>{view.builderId ?? "—"}</dd>
            <dt>Build type</dt><dd>{view.buildType ?? "—"}</dd>
            <dt>Started / finished</dt><dd>{view.startedOn ?? "—"} / {view.finishedOn ?? "—"}</dd>
          </dl>
          {view.materials.length ? (
            <Table caption="Materials">
              <thead><tr><th>URI</th><th>Digest</th></tr></thead>
              <tbody>{view.materials.map((m, i) => <tr key={i}><td>{m.uri}</td><td><code>{m.digest ?? ""}</code></td></tr>)}</tbody>
            </Table>
          ) : null}
          {view.parameters ? <JsonTree value={view.parameters} label="parameters" open={false} /> : null}
        </div>
      );
    case "sbom":
      return (
        <div className="stack">
          <p>
            {view.format} {view.name ? `· ${view.name}` : ""} · {view.packageCount} packages
          </p>
          <p className="row">
            {view.licences.map((l) => (
              <span key={l.licence} className="chip">{l.licence} × {l.count}</span>
            ))}
          </p>
          <details>
            <summary>Packages</summary>
            <Table caption="Packages">
              <thead><tr><th>Name</th><th>Version</th><th>Licence</th></tr></thead>
              <tbody>{view.packages.map((p, i) => <tr key={i}><td>{p.name}</td><td>{p.version ?? ""}</td><td>{p.licence ?? ""}</td></tr>)}</tbody>
            </Table>
          </details>
        </div>
      );
    case "test-result":
      return (
        <div className="stack">
          <p className="row">
            <Badge tone={view.result === "PASSED" ? "ok" : view.result === "WARNED" ? "warn" : "error"}>{view.result}</Badge>
            <span className="muted">passed {view.passed.length} · warned {view.warned.length} · failed {view.failed.length}</span>
            {view.url ? <span className="muted">{view.url}</span> : null}
          </p>
          {view.failed.length ? <p>Failed: {view.failed.join(", ")}</p> : null}
        </div>
      );
    case "vsa":
      return (
        <dl className="dl">
          <dt>Verifier</dt><dd>{view.verifier ?? "—"}</dd>
          <dt>Result</dt><dd>{view.result ?? "—"}</dd>
          <dt>Policy</dt><dd>{view.policy ?? "—"}</dd>
          <dt>Levels</dt><dd>{view.levels.join(", ") || "—"}</dd>
          <dt>Verified at</dt><dd>{view.timeVerified ?? "—"}</dd>
        </dl>
      );
    case "openvex":
      return (
        <Table caption="VEX statements">
          <thead><tr><th>Vulnerability</th><th>Status</th><th>Products</th><th>Justification</th></tr></thead>
          <tbody>{view.statements.map((s, i) => <tr key={i}><td>{s.vulnerability}</td><td>{s.status}</td><td>{s.products.join(", ")}</td><td>{s.justification ?? ""}</td></tr>)}</tbody>
        </Table>
      );
    default:
      return <JsonTree value={predicate} />;
  }
}

function ScannerCard({ ev }: { ev: ScanEvaluationView }) {
  const bySeverity = (["error", "concern", "anomaly", "info"] as const).map((s) => [s, ev.findings.filter((f) => f.severity === s)] as const);
  const unknown = ev.findings.filter((f) => f.severity === null);
  return (
    <section className="panel stack" aria-label={`Scanner ${ev.tool}`}>
      <h4 style={{ margin: 0 }}>
        {ev.tool} <span className="muted">{ev.version ?? ""}</span>
      </h4>
      {ev.metrics.length ? (
        <Table caption={`Metrics of ${ev.tool}`}>
          <thead><tr><th>Metric</th><th>Value</th><th>Threshold</th><th>Result</th></tr></thead>
          <tbody>
            {ev.metrics.map((m, i) => (
              <tr key={i}>
                <td>{m.name}</td>
                <td>{m.value}</td>
                <td>{m.threshold !== null ? `${m.comparator ?? ""} ${m.threshold}` : "—"}</td>
                <td>{m.passed === null ? <Badge>n/a</Badge> : m.passed ? <Badge tone="ok">pass</Badge> : <Badge tone="error">fail</Badge>}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      ) : null}
      {[...bySeverity, ["other", unknown] as const].map(([sev, list]) =>
        list.length ? (
          <div key={sev}>
            <p className="row" style={{ margin: "4px 0" }}>
              <Badge tone={sev === "other" ? "neutral" : SEVERITY_TONE[sev]}>{sev}</Badge> <span className="muted">{list.length}</span>
            </p>
            <ul>
              {list.map((f, i) => (
                <li key={i}>
                  <code>{f.id}</code> {sev === "other" ? `[${f.severityLabel}] ` : ""}
                  {f.message} {f.location ? <span className="muted">({f.location})</span> : null}
                </li>
              ))}
            </ul>
          </div>
        ) : null,
      )}
      {!ev.findings.length ? <p className="muted">No findings.</p> : null}
      <p className="muted" style={{ margin: 0 }}>
        {ev.startedOn ? `Started ${ev.startedOn}` : ""} {ev.finishedOn ? `· finished ${ev.finishedOn}` : ""}
      </p>
      {ev.configuration ? <JsonTree value={ev.configuration} label="configuration" open={false} /> : null}
    </section>
  );
}
