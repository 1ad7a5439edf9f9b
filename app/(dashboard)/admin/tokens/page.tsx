import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { TokenManager } from "@/components/auth/token-manager";
import { actorMay } from "@/lib/data/actor-may";
import { getActor } from "@/lib/data/get-actor";
import { listTokenablePermissions } from "@/lib/data/list-tokenable-permissions";
import { settle } from "@/lib/http/settle";
import { listApiTokens } from "@/lib/data/list-api-tokens";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await getActor();
  if (actor.kind === "anonymous") redirect("/signin?callbackUrl=/admin/tokens");
  const all = actorMay(actor, "token.manage-all");
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
      {result.ok ? <TokenManager tokens={result.data} permissions={listTokenablePermissions()} /> : <p role="alert">{result.error.message}</p>}
    </div>
  );
}
