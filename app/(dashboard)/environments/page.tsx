import type { Metadata } from "next";
import Link from "next/link";
import { StateBadge } from "@/components/approvals/state-badge";
import { Digest } from "@/components/ui/digest";
import { Table } from "@/components/ui/table";
import { getActor } from "@/lib/data/get-actor";
import { getEnvironmentMatrix } from "@/lib/data/get-environment-matrix";
import { kitHref } from "@/lib/format/kit-href";
import { parsePageInput } from "@/lib/http/parse-page-input";
import { settle } from "@/lib/http/settle";
import { environmentMatrixQuery } from "@/lib/validations/approvals";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Environments" };

/** Environment × version matrix of one repository, with pending requests and the drift alarm. */
export default async function EnvironmentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const input = await parsePageInput(environmentMatrixQuery, await searchParams);
  if (!input.ok) {
    return (
      <p className="alert alert-error" role="alert">
        {input.error.message} — open this page as /environments?repository=REGISTRY/REPOSITORY
      </p>
    );
  }
  const actor = await getActor();
  const matrix = await settle(async () => getEnvironmentMatrix(actor, input.data.repository));
  const { registry, repository } = input.data.repository;
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>
            Environments of {registry}/{repository}
          </h1>
          <p className="sub">Which digest is in each environment, what waits for approval, and whether a tag was moved outside Kitgate.</p>
        </div>
      </div>
      {!matrix.ok ? (
        <p className="alert alert-error" role="alert">
          {matrix.error.message}
        </p>
      ) : (
        <Table caption="Environment matrix">
          <thead>
            <tr>
              <th>Environment</th>
              <th>Tag</th>
              <th>Approved digest</th>
              <th>Tag points at</th>
              <th>Pending</th>
            </tr>
          </thead>
          <tbody>
            {matrix.data.environments.map((e) => (
              <tr key={e.environment} data-environment={e.environment}>
                <td>{e.environment}</td>
                <td>
                  {e.target.repository}:{e.target.tag}
                </td>
                <td>{e.approvedDigest ? <Link href={kitHref(`${registry}/${repository}@${e.approvedDigest}`)}><Digest value={e.approvedDigest} copy={false} /></Link> : <span className="muted">none</span>}</td>
                <td>
                  {e.currentDigest ? <Digest value={e.currentDigest} /> : <span className="muted">no tag</span>}
                  {e.drift ? (
                    <span className="alert alert-error" role="alert">
                      {" "}
                      Drift: moved outside Kitgate
                    </span>
                  ) : null}
                  {e.error ? <span className="muted"> ({e.error})</span> : null}
                </td>
                <td>
                  {e.pending.length === 0 ? (
                    <span className="muted">—</span>
                  ) : (
                    e.pending.map((p) => (
                      <div key={p.id}>
                        <Link href={`/approvals/${p.id}`}>
                          <Digest value={p.digest} copy={false} />
                        </Link>{" "}
                        <StateBadge state={p.state} /> {p.approvals}/{p.approvalsRequired}
                      </div>
                    ))
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </div>
  );
}
