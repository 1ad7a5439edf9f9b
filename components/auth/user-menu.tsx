import Link from "next/link";
import { hasPermission } from "@/lib/access/has-permission";
import { summariseRoles } from "@/lib/access/summarise-roles";
import { getActor } from "@/lib/data/get-actor";
import { SignOutButton } from "./sign-out-button";

/** Header menu: who you are, your groups and effective roles per scope, links you may use, sign out. */
export async function UserMenu() {
  const actor = await getActor().catch(() => null);
  if (!actor || actor.kind === "anonymous") {
    return (
      <Link className="btn btn-sm" href="/signin">
        Sign in
      </Link>
    );
  }
  const roles = summariseRoles(actor.access?.grants ?? []);
  const isAdmin = actor.access ? hasPermission(actor.access, "admin.access") : false;
  return (
    <details className="user-menu" data-testid="user-menu">
      <summary className="btn btn-sm">{actor.name}</summary>
      <div className="panel" style={{ position: "absolute", right: 16, zIndex: 20, minWidth: 280 }}>
        <dl className="dl">
          <dt>Signed in as</dt>
          <dd data-testid="user-id">{actor.id}</dd>
          <dt>Groups</dt>
          <dd data-testid="user-groups">{actor.groups.length ? actor.groups.join(", ") : "none"}</dd>
          <dt>Roles</dt>
          <dd data-testid="user-roles">
            {roles.length ? roles.map((r) => `${r.role} on ${r.scope}`).join("; ") : "no access granted yet"}
          </dd>
        </dl>
        <p className="row">
          <Link href="/admin/tokens">API tokens</Link>
          {isAdmin ? <Link href="/admin">Admin</Link> : null}
          <SignOutButton />
        </p>
      </div>
    </details>
  );
}
