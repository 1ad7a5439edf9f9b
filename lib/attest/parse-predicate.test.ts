import { describe, expect, it } from "vitest";
import { parsePredicate } from "./parse-predicate";
import { SCAN_PREDICATE_TYPE } from "./predicate-types";
import { summariseScan } from "./summarise-scan";
import { worstStatus } from "./worst-status";

const SCAN = {
  modelkit: { reference: "registry.example/team/fraud-detection", digest: "sha256:x" },
  evaluations: [
    {
      tool: { name: "modelscan", version: "0.8.1" },
      metrics: [
        { name: "unsafe_operators", value: 0, threshold: 0, comparator: "<=", passed: true },
        { name: "accuracy", value: 0.7, threshold: 0.9, comparator: ">=" },
      ],
      findings: [
        { id: "PII-EMAIL", severity: "concern", message: "<img src=x onerror=alert(1)>", location: "data/x.csv:120" },
        { id: "CVE-1", severity: "HIGH", message: "m" },
        { id: "ODD", severity: "weird", message: "m" },
      ],
      execution: { startedOn: "2026-11-20T11:58:00Z", finishedOn: "2026-11-20T11:59:10Z", configuration: { tier: "standard" } },
    },
  ],
};

describe("scan predicate", () => {
  it("summarises per scanner: failed metric by comparator, severities mapped, unknown words kept verbatim", () => {
    const s = summariseScan(SCAN_PREDICATE_TYPE, SCAN)!;
    expect(s).toMatchObject({ passed: false, metricsFailed: 1, metricsTotal: 2, worstSeverity: "concern", tools: ["modelscan 0.8.1"] });
    expect(s.counts.concern).toBe(2);
    expect(s.otherCounts).toEqual({ weird: 1 });
  });

  it("keeps HTML in messages as plain text for the renderer", () => {
    const v = parsePredicate(SCAN_PREDICATE_TYPE, SCAN);
    expect(v.kind).toBe("scan");
    if (v.kind !== "scan") return;
    expect(v.evaluations[0]!.findings[0]!.message).toBe("<img src=x onerror=alert(1)>");
    expect(v.evaluations[0]!.metrics[1]!.passed).toBe(false);
  });

  it("falls back to metadata totals when findings are not listed", () => {
    const s = summariseScan(SCAN_PREDICATE_TYPE, { evaluations: [], metadata: { total_issues_by_severity: { info: 1, error: 2 } } })!;
    expect(s).toMatchObject({ passed: false, worstSeverity: "error" });
  });
});

describe("other predicates", () => {
  it("reads a cosign vuln predicate with trivy results", () => {
    const v = parsePredicate("https://cosign.sigstore.dev/attestation/vuln/v1", {
      scanner: { uri: "pkg:github/aquasecurity/trivy", version: "0.50.0", result: { Results: [{ Vulnerabilities: [{ VulnerabilityID: "CVE-2024-1", Severity: "CRITICAL", PkgName: "torch" }] }] } },
      metadata: { scanFinishedOn: "2026-01-01T00:00:00Z" },
    });
    expect(v).toMatchObject({ kind: "vuln", vulnerabilities: [{ id: "CVE-2024-1", severity: "CRITICAL" }], summary: { passed: false, worstSeverity: "error" } });
  });

  it("reads SPDX (also when cosign stored it as a string that was unwrapped) and CycloneDX licences", () => {
    expect(parsePredicate("https://spdx.dev/Document", { packages: [{ name: "numpy", licenseConcluded: "BSD-3-Clause" }, { name: "x", licenseConcluded: "NOASSERTION" }] })).toMatchObject({
      kind: "sbom",
      packageCount: 2,
      licences: [{ licence: "BSD-3-Clause", count: 1 }, { licence: "unknown", count: 1 }],
    });
    expect(parsePredicate("https://cyclonedx.org/bom", { components: [{ name: "torch", licenses: [{ license: { id: "BSD-3-Clause" } }] }] })).toMatchObject({ kind: "sbom", format: "CycloneDX" });
  });

  it("reads SLSA v1, test-result, VSA and OpenVEX; anything else is a JSON tree", () => {
    expect(parsePredicate("https://slsa.dev/provenance/v1", { runDetails: { builder: { id: "https://ci.example" } } })).toMatchObject({ builderId: "https://ci.example", version: "v1" });
    expect(parsePredicate("https://in-toto.io/attestation/test-result/v0.1", { result: "FAILED", failedTests: ["t1"] })).toMatchObject({ result: "FAILED", failed: ["t1"] });
    expect(parsePredicate("https://slsa.dev/verification_summary/v1", { verificationResult: "PASSED" })).toMatchObject({ kind: "vsa", result: "PASSED" });
    expect(parsePredicate("https://openvex.dev/ns/v0.2.0", { statements: [{ vulnerability: { name: "CVE-1" }, status: "not_affected" }] })).toMatchObject({ kind: "openvex" });
    expect(parsePredicate("https://example.com/custom", { a: 1 })).toEqual({ kind: "json" });
  });
});

describe("worstStatus", () => {
  const summary = summariseScan(SCAN_PREDICATE_TYPE, SCAN);
  it.each([
    [[], "unsigned"],
    [[{ status: "untrusted-key", summary: null }], "unverified"],
    [[{ status: "verified", summary: null }, { status: "invalid-signature", summary: null }], "verification failed"],
    [[{ status: "verified", summary }], "scan failed"],
    [[{ status: "verified", summary: null }], "verified"],
  ] as const)("%j → %s", (list, label) => {
    expect(worstStatus(list).label).toBe(label);
  });
});
