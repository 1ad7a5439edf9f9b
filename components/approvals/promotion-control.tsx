import Link from "next/link";
import { hasPermission } from "@/lib/access/has-permission";
import { getConfig } from "@/lib/config/get-config";
import { getActor } from "@/lib/data/get-actor";
import { RequestPromotionForm } from "./request-promotion-form";

/**
 * The version page's "Request promotion" control (contributors and up) and a link to the environment matrix.
 * Requests the pinned digest the page shows, never the tag, so the approval binds to what was looked at.
 */
export async function PromotionControl({ reference, registry, repository }: { reference: string; registry: string; repository: string }) {
  const [actor, config] = await Promise.all([getActor(), getConfig()]);
  const environments = (config.environments ?? []).map((e) => e.name);
  if (environments.length === 0) return null;
  const mayRequest = hasPermission(actor.access ?? { grants: [] }, "promotion.request", { registry, repository });
  return (
    <>
      {mayRequest ? <RequestPromotionForm reference={reference} environments={environments} /> : null}
      <Link className="btn btn-sm" href={`/environments?repository=${encodeURIComponent(`${registry}/${repository}`)}`}>
        Environments
      </Link>
    </>
  );
}
