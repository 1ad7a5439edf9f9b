import { checkReadiness } from "@/lib/health/readiness";
import { webReadinessChecks } from "@/lib/health/readiness-checks";

export const dynamic = "force-dynamic";

/** A probe that takes longer than this has learnt nothing; kubelet's default probe timeout is 1 s, ours is 3 s. */
const CHECK_TIMEOUT_MS = 2_000;

/**
 * Readiness: 200 when this replica should get traffic, 503 with the reasons when not (shutting down, config not
 * loadable, database unreachable or not migrated). Public like any load-balancer probe: it names what is wrong,
 * never a secret or a connection string.
 */
export async function GET() {
  const report = await checkReadiness(webReadinessChecks, CHECK_TIMEOUT_MS);
  const reasons = report.checks.flatMap((c) => c.problems);
  return Response.json(
    { status: report.ready ? "ready" : "not ready", reasons, checks: report.checks.map(({ name, ok, ms }) => ({ name, ok, ms })) },
    { status: report.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
