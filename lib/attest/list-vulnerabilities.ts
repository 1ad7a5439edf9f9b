function str(v: unknown): string {
  return typeof v === "string" || typeof v === "number" ? String(v).slice(0, 300) : "";
}

/** trivy (`Results[].Vulnerabilities[]`) and grype (`matches[].vulnerability`) JSON, the two scanners cosign documents. */
export function listVulnerabilities(result: unknown): { id: string; severity: string; pkg: string }[] {
  const out: { id: string; severity: string; pkg: string }[] = [];
  const r = result as Record<string, unknown> | null;
  if (!r || typeof r !== "object") return out;
  for (const res of Array.isArray(r.Results) ? (r.Results as Record<string, unknown>[]) : []) {
    for (const v of Array.isArray(res?.Vulnerabilities) ? (res.Vulnerabilities as Record<string, unknown>[]) : []) {
      out.push({ id: str(v?.VulnerabilityID), severity: str(v?.Severity), pkg: `${str(v?.PkgName)}${v?.InstalledVersion ? `@${str(v.InstalledVersion)}` : ""}` });
    }
  }
  for (const m of Array.isArray(r.matches) ? (r.matches as Record<string, unknown>[]) : []) {
    const v = (m?.vulnerability ?? {}) as Record<string, unknown>;
    const a = (m?.artifact ?? {}) as Record<string, unknown>;
    out.push({ id: str(v.id), severity: str(v.severity), pkg: `${str(a.name)}${a.version ? `@${str(a.version)}` : ""}` });
  }
  return out;
}

