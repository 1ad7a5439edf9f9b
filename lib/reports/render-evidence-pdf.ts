import { createPdfWriter } from "./pdf-writer";
import type { EvidencePack } from "./types";

/** The evidence pack as a PDF: the same content as the JSON, in reading order, the digest on the first page. */
export async function renderEvidencePdf(pack: EvidencePack): Promise<Buffer> {
  const pdf = createPdfWriter({ title: `Evidence pack ${pack.modelKit.reference}`, createdAt: new Date(pack.generatedAt) });
  const mk = pack.modelKit;
  pdf.title("Kitgate evidence pack", `Generated ${pack.generatedAt} for ${pack.generatedBy.name} (${pack.generatedBy.id})`);

  pdf.section("ModelKit");
  pdf.field("Repository", `${mk.registry}/${mk.repository}`);
  pdf.field("Digest", mk.digest, { mono: true });
  pdf.field("Tags", mk.tags.join(", ") || "-");
  pdf.field("Format", `${mk.artifactFormat} (${mk.mediaType ?? "no media type"})`);
  pdf.field("Config digest", mk.configDigest, { mono: true });
  pdf.field("Created", mk.created);
  pdf.field("Total size", `${mk.totalSize} bytes`);
  for (const l of mk.layers) pdf.line(`#${l.index} ${l.kind} ${l.path ?? ""} ${l.size} B  ${l.digest}`, { mono: true, indent: 1 });

  pdf.section("Kitfile");
  if (!pack.kitfile) pdf.line("No Kitfile.");
  else {
    const k = pack.kitfile;
    pdf.field("Package", `${k.packageName ?? "-"} ${k.version ?? ""}`);
    pdf.field("Authors", k.authors.join(", "));
    pdf.field("Description", k.description);
    pdf.field("Model", k.model ? `${k.model.name ?? "-"} (${k.model.framework ?? "framework unknown"}) at ${k.model.path ?? "-"}` : "-");
    pdf.field("Entries", `${k.datasets} datasets, ${k.code} code, ${k.docs} docs (Kitfile from ${k.source ?? "-"})`);
  }

  pdf.section("Attestations");
  if (pack.attestations.length === 0) pdf.line("No attestations found.");
  for (const a of pack.attestations) {
    pdf.line(`${a.status.toUpperCase()}  ${a.predicateType ?? "unknown predicate"} (${a.envelope}, ${a.source})`);
    pdf.line(`${a.statusReason}${a.signer ? `; signer ${a.signer}` : ""}${a.summary ? `; ${a.summary}` : ""}`, { indent: 1, color: "#444" });
  }

  pdf.section("Policy evaluation per environment");
  if (pack.policy.length === 0) pdf.line("No environments configured.");
  for (const p of pack.policy) {
    if (p.error) {
      pdf.line(`${p.environment}: not evaluated (${p.error})`);
      continue;
    }
    pdf.line(`${p.environment}: ${p.passed ? "PASSES" : "FAILS"} (tier ${p.tier ?? "-"}, policy ${p.policyDigest ?? "-"}, at ${p.evaluatedAt})`);
    for (const r of p.rules) pdf.line(`${r.passed ? "[x]" : "[ ]"} ${r.title}: ${r.reason}`, { indent: 1, color: r.passed ? "#000" : "#a00" });
  }

  pdf.section("Approval chain");
  if (pack.approvalNote) pdf.line(pack.approvalNote);
  for (const r of pack.approvals) {
    pdf.line(`${r.environment}: ${r.state} (request ${r.requestId}, ${r.approvalsRequired} approval(s) required)`);
    pdf.line(`Requested by ${r.requesterName} (${r.requesterId}) at ${r.createdAt}: ${r.comment ?? "no comment"}`, { indent: 1 });
    if (r.reason) pdf.line(`Reason: ${r.reason}`, { indent: 1 });
    for (const d of r.decisions) {
      pdf.line(`${d.decision.toUpperCase()} by ${d.approverName} (${d.approverSubject ?? d.approverId}; groups ${d.approverGroups.join(", ") || "-"}) at ${d.at}`, { indent: 1 });
      if (d.comment) pdf.line(`"${d.comment}"`, { indent: 2, color: "#444" });
    }
  }

  pdf.section("Promotions");
  if (pack.promotions.length === 0) pdf.line("No promotions.");
  for (const p of pack.promotions) {
    pdf.line(`${p.kind} ${p.status}: ${p.targetRepository}:${p.tag} -> ${p.digest} at ${p.at}`);
    if (p.previousDigest) pdf.line(`previously ${p.previousDigest}`, { indent: 1, mono: true });
    if (p.statementDigest) pdf.line(`signed decision ${p.statementDigest}`, { indent: 1, mono: true });
    if (p.error) pdf.line(`error: ${p.error}`, { indent: 1, color: "#a00" });
  }

  pdf.section("Audit-chain proof");
  const c = pack.audit.chain;
  const cp = c.checkpoint;
  pdf.line(
    c.ok
      ? c.mode === "incremental" && cp
        ? `Audit chain verified at export against signed checkpoint #${cp.seq} (${cp.time}, ${cp.sources.join(", ")}) and the ${c.checked} rows checked after it; head #${c.headSeq ?? "-"} hash ${c.headHash ?? "-"}.`
        : `Whole audit chain verified at export: ${c.checked} rows intact, head #${c.headSeq ?? "-"} hash ${c.headHash ?? "-"}.`
      : `AUDIT CHAIN BROKEN at seq ${c.firstBroken?.seq ?? "-"}${c.firstBroken?.id ? ` (row ${c.firstBroken.id})` : ""}: ${c.firstBroken?.reason}.`,
    { color: c.ok ? "#000" : "#a00" },
  );
  for (const f of c.findings) pdf.line(f, { indent: 1, color: "#a00" });
  if (cp) pdf.line(`checkpoint ${cp.digest} seals rows 1-${cp.seq} at hash ${cp.hash} (envelope in the JSON pack)`, { indent: 1, mono: true });
  if (pack.audit.rows.length === 0) pdf.line("No audit rows name this digest.");
  for (const r of pack.audit.rows) {
    pdf.line(`#${r.seq} ${r.at} ${r.action} by ${r.actorName ?? r.actorId ?? "-"}${r.environment ? ` [${r.environment}]` : ""} ${r.hashValid ? "hash ok" : "HASH MISMATCH"}`);
    pdf.line(`prev ${r.prevHash ?? "-"}`, { indent: 1, mono: true });
    pdf.line(`hash ${r.hash ?? "-"}`, { indent: 1, mono: true });
  }
  return pdf.end();
}
