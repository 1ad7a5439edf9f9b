// one severity mapping and one metric verdict for the whole app: the badge, the cards and the gates agree
import { metricPassed } from "@/lib/attest/metric-passed";
import { normaliseSeverity } from "@/lib/attest/normalise-severity";
import type { ScanSeverity } from "./types";

/** The Kitgate/Jozu scan predicate (attestations.md §7). */
export const SCAN_PREDICATE = "https://kitops.org/attestation/scan/v1";
/** `cosign attest --type vuln` (attestations.md §4). */
export const COSIGN_VULN_PREDICATE = "https://cosign.sigstore.dev/attestation/vuln/v1";

/** Predicates are capped upstream, but a hostile one can still list a great many findings; gates need few. */
const MAX_ITEMS = 10_000;

export interface ScanFinding {
  tool: string;
  id: string;
  /** §7 severity, or null when the word is unknown (then `rawSeverity` is shown and treated as the worst) */
  severity: ScanSeverity | null;
  rawSeverity: string;
  message: string;
  location: string;
}

export interface ScanMetric {
  tool: string;
  name: string;
  /** the predicate's verdict, else computed from value/comparator/threshold, else null (unknown) */
  passed: boolean | null;
  value: unknown;
  threshold: unknown;
  comparator: string;
}

export interface ScanResults {
  /** tool names (lower-case) that produced an evaluation */
  scanners: string[];
  findings: ScanFinding[];
  metrics: ScanMetric[];
  /** latest signed finish time (`execution.finishedOn`, cosign vuln `metadata.scanFinishedOn`), ISO; null if none */
  finishedOn: string | null;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : typeof v === "number" ? String(v) : "");
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v.slice(0, MAX_ITEMS) : []);

/**
 * Findings, metrics and scanner names of a scan predicate (§7) or a cosign vuln predicate (Trivy or Grype
 * JSON in `scanner.result`). Tolerant of missing fields, ignores values of the wrong type; any other
 * predicate type has no scan results.
 */
export function readScanResults(predicateType: string | null, predicate: unknown): ScanResults {
  const out: ScanResults = { scanners: [], findings: [], metrics: [], finishedOn: null };
  const finished = (v: unknown) => {
    if (typeof v === "string" && !Number.isNaN(Date.parse(v)) && (out.finishedOn === null || Date.parse(v) > Date.parse(out.finishedOn))) out.finishedOn = v;
  };
  if (!isObject(predicate)) return out;
  if (predicateType === SCAN_PREDICATE) {
    for (const ev of list(predicate.evaluations)) {
      if (!isObject(ev)) continue;
      const tool = isObject(ev.tool) ? str(ev.tool.name) : "";
      if (tool) out.scanners.push(tool.toLowerCase());
      if (isObject(ev.execution)) finished(ev.execution.finishedOn);
      for (const f of list(ev.findings)) {
        if (!isObject(f)) continue;
        out.findings.push({
          tool,
          id: str(f.id),
          severity: normaliseSeverity(f.severity),
          rawSeverity: str(f.severity),
          message: str(f.message),
          location: str(f.location),
        });
      }
      for (const m of list(ev.metrics)) {
        if (!isObject(m)) continue;
        const comparator = str(m.comparator);
        out.metrics.push({
          tool,
          name: str(m.name),
          passed: metricPassed(m),
          value: m.value,
          threshold: m.threshold,
          comparator,
        });
      }
    }
  } else if (predicateType === COSIGN_VULN_PREDICATE) {
    const scanner = isObject(predicate.scanner) ? predicate.scanner : {};
    const tool = str(scanner.uri).split("/").pop() ?? "";
    if (tool) out.scanners.push(tool.toLowerCase());
    if (isObject(predicate.metadata)) finished(predicate.metadata.scanFinishedOn);
    const result = isObject(scanner.result) ? scanner.result : {};
    // Trivy: Results[].Vulnerabilities[]{VulnerabilityID, Severity, PkgName}
    for (const r of list(result.Results)) {
      if (!isObject(r)) continue;
      for (const v of list(r.Vulnerabilities)) {
        if (!isObject(v)) continue;
        out.findings.push(vulnFinding(tool, v.VulnerabilityID, v.Severity, v.Title ?? v.PkgName, `${str(r.Target)} ${str(v.PkgName)}`.trim()));
      }
    }
    // Grype: matches[]{vulnerability{id, severity, description}, artifact{name, version}}
    for (const m of list(result.matches)) {
      if (!isObject(m) || !isObject(m.vulnerability)) continue;
      const artifact = isObject(m.artifact) ? `${str(m.artifact.name)} ${str(m.artifact.version)}`.trim() : "";
      out.findings.push(vulnFinding(tool, m.vulnerability.id, m.vulnerability.severity, m.vulnerability.description, artifact));
    }
  }
  out.findings = out.findings.slice(0, MAX_ITEMS);
  out.metrics = out.metrics.slice(0, MAX_ITEMS);
  return out;
}

function vulnFinding(tool: string, id: unknown, severity: unknown, message: unknown, location: string): ScanFinding {
  return { tool, id: str(id), severity: normaliseSeverity(severity), rawSeverity: str(severity), message: str(message), location };
}
