import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { DecisionForm } from "@/components/approvals/decision-form";
import { StateBadge } from "@/components/approvals/state-badge";
import { DeployChecklist } from "@/components/policy/deploy-checklist";
import { Digest } from "@/components/ui/digest";
import { Table } from "@/components/ui/table";
import { actorMay } from "@/lib/data/actor-may";
import { evaluatePolicy } from "@/lib/data/evaluate-policy";
import { getActor } from "@/lib/data/get-actor";
import { getApproval } from "@/lib/data/get-approval";
import { getEnvironmentMatrix } from "@/lib/data/get-environment-matrix";
import { kitHref } from "@/lib/format/kit-href";
import { settle } from "@/lib/http/settle";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Approval request" };

/** One request: what it is, what is in that environment now (diff), the policy checklist, attestations, decisions. */
export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect(`/signin?callbackUrl=/approvals/${encodeURIComponent(id)}`);
  const found = await settle(getApproval(actor, { id }));
  if (!found.ok) {
    return (
      <p className="alert alert-error" role="alert">
        {found.error.message}
      </p>
    );
  }
  const r = found.data;
  const [matrix, policy] = await Promise.all([
    settle(async () => getEnvironmentMatrix(actor, { registry: r.registry, repository: r.repository })),
    settle(async () => evaluatePolicy(actor, { ref: r.reference, environment: r.environment })),
  ]);
  const cell = matrix.ok ? matrix.data.environments.find((e) => e.environment === r.environment) : undefined;
  const inEnv = cell?.currentDigest ?? cell?.approvedDigest ?? null;
  const mayDecide = actorMay(actor, "approval.decide", { registry: r.registry, repository: r.repository });
  const decided = r.decisions.some((d) => d.approverId === actor.id);

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>
            Promote to {r.environment}: {r.registry}/{r.repository}
          </h1>
          <p className="sub">
            <Digest value={r.digest} /> <StateBadge state={r.state} /> {r.approvals} of {r.approvalsRequired} approvals · requested by {r.requester.name}
            {r.comment ? ` — “${r.comment}”` : ""}
          </p>
        </div>
      </div>
      {r.lastError ? (
        <p className="alert alert-error" role="alert">
          Registry: {r.lastError}
        </p>
      ) : null}
      {r.reason && (r.state === "rejected" || r.state === "revoked") ? <p className="alert">Reason: {r.reason}</p> : null}

      <section className="stack" aria-label="Compared with the environment">
        <h2>What is in {r.environment} now</h2>
        {inEnv === null ? (
          <p className="muted">Nothing yet: this would be the first version in {r.environment}.</p>
        ) : inEnv === r.digest ? (
          <p className="muted">This exact digest is already there.</p>
        ) : (
          <p>
            <Digest value={inEnv} />{" "}
            <Link href={`/diff?${new URLSearchParams({ base: `${r.registry}/${cell?.target.repository ?? r.repository}@${inEnv}`, head: r.reference })}`}>
              Diff against this request
            </Link>
          </p>
        )}
        {cell?.drift ? (
          <p className="alert alert-error" role="alert">
            Drift: {cell.target.repository}:{cell.target.tag} no longer points at the approved digest.
          </p>
        ) : null}
        <p>
          <Link href={kitHref(r.reference)}>Open the version</Link> · <Link href={kitHref(r.reference, { tab: "attestations" })}>Attestations</Link> ·{" "}
          <Link href={`/environments?repository=${encodeURIComponent(`${r.registry}/${r.repository}`)}`}>Environment matrix</Link>
        </p>
      </section>

      <section className="stack" aria-label="Policy checklist">
        <h2>Policy checklist for {r.environment}</h2>
        {policy.ok ? <DeployChecklist evaluation={policy.data} pageRef={r.reference} /> : <p className="alert alert-error">{policy.error.message}</p>}
      </section>

      <section className="stack" aria-label="Decisions">
        <h2>Decisions</h2>
        {r.decisions.length === 0 ? (
          <p className="empty">No decisions yet.</p>
        ) : (
          <Table caption="Decisions">
            <thead>
              <tr>
                <th>Who</th>
                <th>Decision</th>
                <th>Groups</th>
                <th>Comment</th>
                <th>When (UTC)</th>
              </tr>
            </thead>
            <tbody>
              {r.decisions.map((d) => (
                <tr key={d.approverId}>
                  <td>{d.approverName}</td>
                  <td>{d.decision}</td>
                  <td>{d.approverGroups.join(", ")}</td>
                  <td>{d.comment ?? ""}</td>
                  <td>{d.at.slice(0, 16).replace("T", " ")}</td>
                </tr>
              ))}
            </tbody>
          </Table>
        )}
        {r.promotions.length > 0 ? (
          <ul aria-label="Registry operations">
            {r.promotions.map((p, i) => (
              <li key={i}>
                {p.kind} {p.targetRepository}:{p.tag} → <Digest value={p.digest} copy={false} /> {p.status}
                {p.error ? ` (${p.error})` : ""}
                {p.statementDigest ? " · signed statement attached" : ""}
              </li>
            ))}
          </ul>
        ) : null}
        {mayDecide ? (
          <DecisionForm
            id={r.id}
            canDecide={r.state === "awaiting-approval" && !decided}
            canRetry={r.state === "approved"}
            canRevoke={r.state === "awaiting-approval" || r.state === "approved" || r.state === "promoted"}
          />
        ) : null}
      </section>
    </div>
  );
}
