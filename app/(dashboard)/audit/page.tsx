import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuditFilters } from "@/components/audit/audit-filters";
import { ChainStatus } from "@/components/audit/chain-status";
import { Pagination } from "@/components/ui/pagination";
import { Table } from "@/components/ui/table";
import { getActor } from "@/lib/data/get-actor";
import { isAuditAdmin } from "@/lib/data/is-audit-admin";
import { listAuditEvents } from "@/lib/data/list-audit-events";
import { verifyAuditLog } from "@/lib/data/verify-audit-log";
import { parsePageInput } from "@/lib/http/parse-page-input";
import { settle } from "@/lib/http/settle";
import { auditQuery } from "@/lib/validations/audit-query";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const FILTER_KEYS = ["who", "action", "from", "to", "repository", "environment"] as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect("/signin?callbackUrl=/audit");
  const values = Object.fromEntries(FILTER_KEYS.map((k) => [k, first(raw[k])]));
  const input = await parsePageInput(auditQuery, raw);
  const [page, chain] = await Promise.all([
    input.ok ? settle(listAuditEvents(actor, input.data)) : Promise.resolve(input),
    isAuditAdmin(actor) ? settle(verifyAuditLog(actor)) : Promise.resolve(null),
  ]);

  const filterQuery = new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1]));
  const nextHref = page.ok && page.data.next ? `/audit?${new URLSearchParams([...filterQuery, ["cursor", page.data.next]])}` : null;
  const reportQuery = new URLSearchParams(
    [["repository", values.repository], ["from", values.from], ["to", values.to]].filter((e): e is [string, string] => !!e[1]),
  );

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Audit log</h1>
          <p className="sub">
            Every sign-in, token event, denial, request, decision, promotion and report export, append-only and hash-chained.
            {isAuditAdmin(actor) ? " You see every row (admin)." : " You see rows of repositories you can read, and your own."}
          </p>
        </div>
      </div>
      <ChainStatus result={chain === null ? null : chain.ok ? chain.data : { error: chain.error.message }} />
      <AuditFilters values={values} />
      {values.repository ? (
        <div className="row" aria-label="Decisions report downloads">
          <span className="muted">Decisions report for {values.repository}:</span>
          {(["csv", "json", "pdf"] as const).map((f) => (
            <a key={f} className="btn btn-sm" href={`/api/v1/reports/decisions?${reportQuery}&format=${f}`} download>
              {f.toUpperCase()}
            </a>
          ))}
        </div>
      ) : (
        <p className="muted">Filter by a repository to download its decisions report (CSV, JSON, PDF).</p>
      )}
      {!page.ok ? (
        <p className="alert alert-error" role="alert">
          {page.error.message}
        </p>
      ) : page.data.items.length === 0 ? (
        <p className="empty">No audit rows match.</p>
      ) : (
        <Table caption="Audit rows, newest first">
          <thead>
            <tr>
              <th>#</th>
              <th>When (UTC)</th>
              <th>Who</th>
              <th>What</th>
              <th>Target</th>
              <th>Repository</th>
              <th>Environment</th>
              <th>Hash</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((r) => (
              <tr key={r.id}>
                <td>{r.seq}</td>
                <td>{r.at.replace("T", " ").replace(/\.\d+Z$/, "")}</td>
                <td title={r.actorId ?? undefined}>{r.actorName ?? r.actorId ?? "-"}</td>
                <td>
                  <code>{r.action}</code>
                </td>
                <td className="cell-digest" style={{ wordBreak: "break-all", maxWidth: "22rem" }}>
                  {r.target ?? "-"}
                </td>
                <td>{r.repository ?? "-"}</td>
                <td>{r.environment ?? "-"}</td>
                <td className="cell-digest" title={`prev ${r.prevHash ?? "-"}\nhash ${r.hash ?? "-"}`}>
                  <code>{r.hash?.slice(0, 12) ?? "-"}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      <Pagination firstHref={`/audit${filterQuery.size ? `?${filterQuery}` : ""}`} nextHref={nextHref} isFirst={!first(raw.cursor)} />
      {isAuditAdmin(actor) ? (
        <p className="muted">
          Machine-readable:{" "}
          <a className="btn btn-sm" href="/api/v1/audit/verify">
            GET /api/v1/audit/verify
          </a>
        </p>
      ) : null}
    </div>
  );
}
