import { ErrorPanel } from "@/components/ui/error-panel";
import { evaluatePolicy } from "@/lib/data/evaluate-policy";
import { getActor } from "@/lib/data/get-actor";
import { listEnvironments } from "@/lib/data/list-environments";
import { settle } from "@/lib/http/settle";
import { DeployChecklist } from "@/components/policy/deploy-checklist";
import { EnvironmentNav } from "@/components/policy/environment-nav";

/**
 * The version page's Deploy checks tab: environment links, then that environment's checklist. Without a
 * choice it opens on the last environment (production): the question people come here with.
 */
export async function DeployChecksTab({ pageRef, env }: { pageRef: string; env: string | undefined }) {
  const actor = await getActor();
  const environments = await listEnvironments(actor);
  if (environments.length === 0) {
    return <p className="muted">No deployment environments are configured (kitgate.yaml `environments:`).</p>;
  }
  const current = env ?? environments[environments.length - 1]!;
  const result = await settle(async () => evaluatePolicy(actor, { ref: pageRef, environment: current }));
  return (
    <div className="stack">
      <EnvironmentNav pageRef={pageRef} environments={environments} current={current} />
      {result.ok ? <DeployChecklist evaluation={result.data} pageRef={pageRef} /> : <ErrorPanel error={result.error} />}
    </div>
  );
}
