import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { StateBadge } from "@/components/approvals/state-badge";
import { Digest } from "@/components/ui/digest";
import { Table } from "@/components/ui/table";
import { getActor } from "@/lib/data/get-actor";
import { listApprovals } from "@/lib/data/list-approvals";
import { settle } from "@/lib/http/settle";
import { APPROVAL_FILTER_STATES, approvalStateFilter } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approvals" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** The approvals queue: what waits for my decision first, then every request I can see. */
export default async function ApprovalsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const raw = await searchParams;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect("/signin?callbackUrl=/approvals");
  const view = first(raw.view) === "all" ? "all" : "mine";
  const stateParam = first(raw.state);
  const state = approvalStateFilter.parse(stateParam);
  const cursor = first(raw.cursor) ?? null;
  const page = await settle(listApprovals(actor, view === "mine" ? { waitingForMe: true, cursor } : { ...(state ? { state } : {}), cursor }));

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Approvals</h1>
          <p className="sub">Promotion requests bound to an exact digest. Approving the last needed approval promotes the version.</p>
        </div>
      </div>
      <nav className="row" aria-label="Approval views">
        <Link className={`btn btn-sm${view === "mine" ? " btn-primary" : ""}`} href="/approvals">
          Waiting for me
        </Link>
        <Link className={`btn btn-sm${view === "all" && !state ? " btn-primary" : ""}`} href="/approvals?view=all">
          All
        </Link>
        {APPROVAL_FILTER_STATES.map((s) => (
          <Link key={s} className={`btn btn-sm${state === s ? " btn-primary" : ""}`} href={`/approvals?view=all&state=${s}`}>
            {s}
          </Link>
        ))}
      </nav>
      {!page.ok ? (
        <p className="alert alert-error" role="alert">
          {page.error.message}
        </p>
      ) : page.data.items.length === 0 ? (
        <p className="empty">{view === "mine" ? "Nothing waits for your decision." : "No requests."}</p>
      ) : (
        <Table caption={view === "mine" ? "Requests waiting for your decision" : "Approval requests"}>
          <thead>
            <tr>
              <th>Version</th>
              <th>Environment</th>
              <th>State</th>
              <th>Approvals</th>
              <th>Requested by</th>
              <th>Comment</th>
              <th>When (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {page.data.items.map((r) => (
              <tr key={r.id}>
                <td>
                  <Link href={`/approvals/${r.id}`}>
                    {r.registry}/{r.repository}
                    {r.requestedAs && !r.requestedAs.startsWith("sha256:") ? `:${r.requestedAs}` : ""}
                  </Link>{" "}
                  <Digest value={r.digest} copy={false} />
                </td>
                <td>{r.environment}</td>
                <td>
                  <StateBadge state={r.state} />
                </td>
                <td>
                  {r.approvals} / {r.approvalsRequired}
                </td>
                <td>{r.requester.name}</td>
                <td>{r.comment ?? ""}</td>
                <td>{r.createdAt.slice(0, 16).replace("T", " ")}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {page.ok && page.data.next ? (
        <Link className="btn btn-sm" href={`/approvals?${new URLSearchParams({ view, ...(state ? { state } : {}), cursor: page.data.next })}`}>
          Next page
        </Link>
      ) : null}
    </div>
  );
}
