import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TokenManager } from "@/components/auth/token-manager";
import { hasPermission } from "@/lib/access/has-permission";
import { PERMISSIONS } from "@/lib/access/permissions";
import type { Permission } from "@/lib/access/types";
import { getActor } from "@/lib/data/get-actor";
import { settle } from "@/lib/http/settle";
import { listApiTokens } from "@/lib/tokens/list-api-tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

const TOKENABLE = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => PERMISSIONS[p].tokenable);

export default async function TokensPage() {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect("/signin?callbackUrl=/admin/tokens");
  const all = actor.access ? hasPermission(actor.access, "token.manage-all") : false;
  const result = await settle(listApiTokens(actor, { all }));
  return (
    <div className="stack">
      <div className="page-head">
        <div>
          <h1>API tokens</h1>
          <p className="sub">
            For CI: send <code>Authorization: Bearer kg_…</code> to <code>/api/v1</code>. A token never grants more than its
            owner has; {all ? "you see every user's tokens (admin)." : "you see your own tokens."}
          </p>
        </div>
      </div>
      {result.ok ? <TokenManager tokens={result.data} permissions={TOKENABLE} /> : <p role="alert">{result.error.message}</p>}
    </div>
  );
}
