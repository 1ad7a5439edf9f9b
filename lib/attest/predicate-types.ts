// Display models of known predicates: parsed from verified statements in lib (pure), rendered as React text in
// components/attest. Every string is capped and shown as text, never as HTML.
import type { ScanSeverity, ScanSummary } from "./types";

export const SCAN_PREDICATE_TYPE = "https://kitops.org/attestation/scan/v1";
export const COSIGN_VULN_PREDICATE_TYPE = "https://cosign.sigstore.dev/attestation/vuln/v1";

export interface ScanMetricView { name: string; value: string; threshold: string | null; comparator: string | null; passed: boolean | null }
export interface ScanFindingView { id: string; severity: ScanSeverity | null; severityLabel: string; message: string; location: string | null }
export interface ScanEvaluationView {
  tool: string;
  version: string | null;
  metrics: ScanMetricView[];
  findings: ScanFindingView[];
  startedOn: string | null;
  finishedOn: string | null;
  configuration: unknown;
}

export type PredicateView =
  | { kind: "scan"; modelkitReference: string | null; evaluations: ScanEvaluationView[]; summary: ScanSummary }
  | { kind: "vuln"; scanner: string | null; scannerVersion: string | null; db: string | null; finishedOn: string | null; vulnerabilities: { id: string; severity: string; pkg: string }[]; summary: ScanSummary }
  | { kind: "slsa-provenance"; version: "v0.2" | "v1"; builderId: string | null; buildType: string | null; startedOn: string | null; finishedOn: string | null; materials: { uri: string; digest: string | null }[]; parameters: unknown }
  | { kind: "sbom"; format: "SPDX" | "CycloneDX"; name: string | null; packageCount: number; licences: { licence: string; count: number }[]; packages: { name: string; version: string | null; licence: string | null }[] }
  | { kind: "test-result"; result: string; url: string | null; passed: string[]; warned: string[]; failed: string[]; configuration: unknown }
  | { kind: "vsa"; verifier: string | null; result: string | null; policy: string | null; levels: string[]; timeVerified: string | null; resourceUri: string | null }
  | { kind: "openvex"; author: string | null; statements: { vulnerability: string; status: string; products: string[]; justification: string | null }[] }
  | { kind: "json" };
