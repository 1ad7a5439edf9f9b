import { listVulnerabilities } from "./list-vulnerabilities";
import { metricPassed } from "./metric-passed";
import { normaliseSeverity } from "./normalise-severity";
import { COSIGN_VULN_PREDICATE_TYPE, SCAN_PREDICATE_TYPE, type PredicateView, type ScanEvaluationView } from "./predicate-types";
import { summariseScan } from "./summarise-scan";

/** Rows shown per list before "and N more": a page, not a dump of a 10k-package SBOM. */
const MAX_ROWS = 200;
const MAX_TEXT = 500;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === "object" && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const text = (v: unknown): string | null => (typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v).slice(0, MAX_TEXT) : null);

/**
 * A display model for a verified predicate, chosen by its signed `predicateType`; `{ kind: "json" }` for anything else
 * (the UI then shows a collapsible tree). Tolerant of missing fields, strict about the types it uses. Pure.
 */
export function parsePredicate(predicateType: string | null, predicate: unknown): PredicateView {
  if (!predicateType || !predicate || typeof predicate !== "object") return { kind: "json" };
  const p = obj(predicate);
  if (predicateType === SCAN_PREDICATE_TYPE) return scanView(p);
  if (predicateType === COSIGN_VULN_PREDICATE_TYPE || predicateType.startsWith("https://in-toto.io/attestation/vulns")) {
    const scanner = obj(p.scanner);
    return {
      kind: "vuln",
      scanner: text(scanner.uri),
      scannerVersion: text(scanner.version),
      db: text(obj(scanner.db).version) ?? text(obj(scanner.db).uri),
      finishedOn: text(obj(p.metadata).scanFinishedOn),
      vulnerabilities: listVulnerabilities(scanner.result).slice(0, MAX_ROWS),
      summary: summariseScan(COSIGN_VULN_PREDICATE_TYPE, p)!,
    };
  }
  if (predicateType === "https://slsa.dev/provenance/v0.2") {
    const meta = obj(p.metadata);
    return {
      kind: "slsa-provenance",
      version: "v0.2",
      builderId: text(obj(p.builder).id),
      buildType: text(p.buildType),
      startedOn: text(meta.buildStartedOn),
      finishedOn: text(meta.buildFinishedOn),
      materials: arr(p.materials).slice(0, MAX_ROWS).map((m) => ({ uri: text(obj(m).uri) ?? "", digest: firstDigest(obj(m).digest) })),
      parameters: obj(p.invocation).parameters ?? null,
    };
  }
  if (predicateType === "https://slsa.dev/provenance/v1") {
    const def = obj(p.buildDefinition);
    const run = obj(p.runDetails);
    const meta = obj(run.metadata);
    return {
      kind: "slsa-provenance",
      version: "v1",
      builderId: text(obj(run.builder).id),
      buildType: text(def.buildType),
      startedOn: text(meta.startedOn),
      finishedOn: text(meta.finishedOn),
      materials: arr(def.resolvedDependencies).slice(0, MAX_ROWS).map((m) => ({ uri: text(obj(m).uri) ?? text(obj(m).name) ?? "", digest: firstDigest(obj(m).digest) })),
      parameters: def.externalParameters ?? null,
    };
  }
  if (predicateType.startsWith("https://spdx.dev/Document")) return spdxView(p);
  if (predicateType.startsWith("https://cyclonedx.org/bom")) return cycloneDxView(p);
  if (predicateType.startsWith("https://in-toto.io/attestation/test-result")) {
    const names = (v: unknown) => arr(v).slice(0, MAX_ROWS).map((t) => text(t) ?? text(obj(t).name) ?? "?");
    return {
      kind: "test-result",
      result: text(p.result) ?? "UNKNOWN",
      url: text(p.url),
      passed: names(p.passedTests),
      warned: names(p.warnedTests),
      failed: names(p.failedTests),
      configuration: p.configuration ?? null,
    };
  }
  if (predicateType.startsWith("https://slsa.dev/verification_summary")) {
    return {
      kind: "vsa",
      verifier: text(obj(p.verifier).id),
      result: text(p.verificationResult),
      policy: text(obj(p.policy).uri),
      levels: arr(p.verifiedLevels).slice(0, 20).map((l) => text(l) ?? "?"),
      timeVerified: text(p.timeVerified),
      resourceUri: text(p.resourceUri),
    };
  }
  if (predicateType.startsWith("https://openvex.dev/ns")) {
    return {
      kind: "openvex",
      author: text(p.author),
      statements: arr(p.statements).slice(0, MAX_ROWS).map((st) => {
        const s = obj(st);
        const v = s.vulnerability;
        return {
          vulnerability: text(v) ?? text(obj(v).name) ?? text(obj(v)["@id"]) ?? "?",
          status: text(s.status) ?? "?",
          products: arr(s.products).slice(0, 20).map((x) => text(x) ?? text(obj(x)["@id"]) ?? "?"),
          justification: text(s.justification) ?? text(s.impact_statement),
        };
      }),
    };
  }
  return { kind: "json" };
}

function scanView(p: Obj): PredicateView {
  const evaluations: ScanEvaluationView[] = arr(p.evaluations)
    .slice(0, 50)
    .map((e) => {
      const ev = obj(e);
      const tool = obj(ev.tool);
      const exec = obj(ev.execution);
      return {
        tool: text(tool.name) ?? "unknown scanner",
        version: text(tool.version),
        metrics: arr(ev.metrics).slice(0, MAX_ROWS).map((m) => {
          const mm = obj(m);
          return { name: text(mm.name) ?? "?", value: text(mm.value) ?? "", threshold: text(mm.threshold), comparator: text(mm.comparator), passed: metricPassed(mm) };
        }),
        findings: arr(ev.findings).slice(0, MAX_ROWS).map((f) => {
          const ff = obj(f);
          return { id: text(ff.id) ?? "", severity: normaliseSeverity(ff.severity), severityLabel: text(ff.severity) ?? "unknown", message: text(ff.message) ?? "", location: text(ff.location) };
        }),
        startedOn: text(exec.startedOn),
        finishedOn: text(exec.finishedOn),
        configuration: exec.configuration ?? null,
      };
    });
  return { kind: "scan", modelkitReference: text(obj(p.modelkit).reference), evaluations, summary: summariseScan(SCAN_PREDICATE_TYPE, p)! };
}

function spdxView(p: Obj): PredicateView {
  const packages = arr(p.packages);
  const rows = packages.map((x) => {
    const pk = obj(x);
    const licence = text(pk.licenseConcluded) ?? text(pk.licenseDeclared);
    return { name: text(pk.name) ?? "?", version: text(pk.versionInfo), licence: licence === "NOASSERTION" ? null : licence };
  });
  return { kind: "sbom", format: "SPDX", name: text(p.name), packageCount: packages.length, licences: tally(rows.map((r) => r.licence)), packages: rows.slice(0, MAX_ROWS) };
}

function cycloneDxView(p: Obj): PredicateView {
  const components = arr(p.components);
  const rows = components.map((x) => {
    const c = obj(x);
    const lic = arr(c.licenses).map((l) => text(obj(obj(l).license).id) ?? text(obj(obj(l).license).name) ?? text(obj(l).expression)).filter((l): l is string => !!l);
    return { name: text(c.name) ?? "?", version: text(c.version), licence: lic.length ? lic.join(" OR ") : null };
  });
  return { kind: "sbom", format: "CycloneDX", name: text(obj(obj(p.metadata).component).name), packageCount: components.length, licences: tally(rows.map((r) => r.licence)), packages: rows.slice(0, MAX_ROWS) };
}

function tally(values: (string | null)[]): { licence: string; count: number }[] {
  const m = new Map<string, number>();
  for (const v of values) m.set(v ?? "unknown", (m.get(v ?? "unknown") ?? 0) + 1);
  return [...m].map(([licence, count]) => ({ licence, count })).sort((a, b) => b.count - a.count).slice(0, 50);
}

function firstDigest(d: unknown): string | null {
  const entries = Object.entries(obj(d));
  return entries.length ? `${entries[0]![0]}:${text(entries[0]![1])}` : null;
}
