import Link from "next/link";
import type { AccountSummaryDTO } from "@/lib/data/dto";
import { SignOutButton } from "./sign-out-button";

/** Header menu: who you are, your groups and effective roles per scope, links you may use, sign out. */
export function UserMenu({ account }: { account: AccountSummaryDTO | null }) {
  if (!account) {
    return (
      <Link className="btn btn-sm" href="/signin">
        Sign in
      </Link>
    );
  }
  return (
    <details className="user-menu" data-testid="user-menu">
      <summary className="btn btn-sm">{account.name}</summary>
      <div className="panel" style={{ position: "absolute", right: 16, zIndex: 20, minWidth: 280 }}>
        <dl className="dl">
          <dt>Signed in as</dt>
          <dd data-testid="user-id">{account.id}</dd>
          <dt>Groups</dt>
          <dd data-testid="user-groups">{account.groups.length ? account.groups.join(", ") : "none"}</dd>
          <dt>Roles</dt>
          <dd data-testid="user-roles">
            {account.roles.length ? account.roles.map((r) => `${r.role} on ${r.scope}`).join("; ") : "no access granted yet"}
          </dd>
        </dl>
        <p className="row">
          <Link href="/admin/tokens">API tokens</Link>
          {account.isAdmin ? <Link href="/admin">Admin</Link> : null}
          <SignOutButton />
        </p>
      </div>
    </details>
  );
}
