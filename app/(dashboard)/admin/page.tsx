import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { getAccessOverview } from "@/lib/data/get-access-overview";
import { explainSubjectAccess, type AccessSubject } from "@/lib/data/explain-subject-access";
import { getActor } from "@/lib/data/get-actor";
import { settle } from "@/lib/http/settle";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Access" };

const query = z.object({
  kind: z.enum(["group", "user", "anonymous"]).catch("group").default("group"),
  who: z.string().trim().max(200).catch("").default(""),
  target: z.string().trim().max(300).catch("").default(""),
});

export default async function AdminPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect("/signin?callbackUrl=/admin");
  const q = query.parse(await searchParams);
  const overview = await settle(getAccessOverview(actor));
  if (!overview.ok) {
    return (
      <section className="panel">
        <h1>Access</h1>
        <p role="alert">{overview.error.message}</p>
      </section>
    );
  }
  const { rules, unknownGroups, users, adminGroup } = overview.data;
  const slash = q.target.indexOf("/");
  const subject: AccessSubject | null =
    q.kind === "anonymous" ? { anonymous: true } : q.who ? (q.kind === "group" ? { group: q.who } : { user: q.who }) : null;
  const explanation =
    subject && slash > 0
      ? await settle(explainSubjectAccess(actor, { subject, registry: q.target.slice(0, slash), repository: q.target.slice(slash + 1) }))
      : null;

  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>Access</h1>
          <p className="sub">
            Grants from <code>access:</code> in kitgate.yaml{adminGroup ? <> · admin group <span className="chip">{adminGroup}</span></> : null} ·{" "}
            <Link href="/admin/tokens">API tokens</Link>
          </p>
        </div>
      </div>

      {unknownGroups.length > 0 ? (
        <p role="status" className="badge badge-warn" data-testid="unknown-groups">
          Grants name groups no user has presented yet (typo?): {unknownGroups.join(", ")}
        </p>
      ) : null}

      <div className="table-wrap">
        <table className="table" aria-label="Grants">
          <thead>
            <tr>
              <th>Who</th>
              <th>Role</th>
              <th>Scope</th>
            </tr>
          </thead>
          <tbody>
            {rules.map((r, i) => (
              <tr key={i}>
                <td>
                  {"group" in r ? <>group <span className="chip">{r.group}</span></> : "user" in r ? <>user <span className="chip">{r.user}</span></> : "anonymous"}
                  {r.unknownGroup ? <span className="badge badge-warn"> never seen</span> : null}
                </td>
                <td>{r.role}</td>
                <td>
                  <code>{r.scope}</code>
                </td>
              </tr>
            ))}
            {rules.length === 0 ? (
              <tr>
                <td colSpan={3} className="muted">
                  No grants: only the admin group can see anything.
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
      </div>

      <section className="panel">
        <h2>What can … do on …?</h2>
        <form className="filter-form" method="get">
          <select name="kind" defaultValue={q.kind} className="input" style={{ minWidth: 0 }} aria-label="Subject kind">
            <option value="group">group</option>
            <option value="user">user</option>
            <option value="anonymous">anonymous</option>
          </select>
          <input className="input" name="who" defaultValue={q.who} placeholder="group or user id (local:alice)" aria-label="Group or user" />
          <input className="input" name="target" defaultValue={q.target} placeholder="registry/repository" aria-label="Repository" />
          <button className="btn" type="submit">
            Explain
          </button>
        </form>
        {explanation && explanation.ok ? (
          <div data-testid="explanation">
            <p>
              Role: <strong>{explanation.data.role ?? "none"}</strong>
              {explanation.data.applying.length ? <> via {explanation.data.applying.map((g) => `${g.via} (${g.role} on ${g.scope})`).join(", ")}</> : null}
            </p>
            <ul>
              {explanation.data.permissions.map((p) => (
                <li key={p.permission}>
                  {p.allowed ? "✓" : "✗"} <code>{p.permission}</code> <span className="muted">{p.description}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : explanation ? (
          <p role="alert">{explanation.error.message}</p>
        ) : null}
      </section>

      <div className="table-wrap">
        <table className="table" aria-label="Users">
          <thead>
            <tr>
              <th>User</th>
              <th>Provider</th>
              <th>Groups</th>
              <th>Last seen</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  {u.name} <span className="muted">{u.id}</span> {u.disabled ? <span className="badge badge-error">disabled</span> : null}
                </td>
                <td>{u.provider}</td>
                <td>{u.groups.join(", ")}</td>
                <td>{u.lastSeenAt ?? "never"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
