import Link from "next/link";
import { RequestPromotionForm } from "@/components/approvals/request-promotion-form";
import { actorMay } from "@/lib/data/actor-may";
import { getActor } from "@/lib/data/get-actor";
import { listEnvironments } from "@/lib/data/list-environments";

/**
 * The version page's "Request promotion" control (contributors and up) and a link to the environment matrix.
 * Requests the pinned digest the page shows, never the tag, so the approval binds to what was looked at.
 */
export async function PromotionControl({ reference, registry, repository }: { reference: string; registry: string; repository: string }) {
  const actor = await getActor();
  const environments = await listEnvironments(actor);
  if (environments.length === 0) return null;
  const mayRequest = actorMay(actor, "promotion.request", { registry, repository });
  return (
    <>
      {mayRequest ? <RequestPromotionForm reference={reference} environments={environments} /> : null}
      <Link className="btn btn-sm" href={`/environments?repository=${encodeURIComponent(`${registry}/${repository}`)}`}>
        Environments
      </Link>
    </>
  );
}
