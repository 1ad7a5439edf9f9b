// Set once the process has been asked to stop (SIGTERM): readiness answers 503 from then on, so the load balancer
// sends no new requests while the ones in flight finish. On globalThis: the signal handler and the readiness route
// live in different bundles of one process.
const KEY = Symbol.for("kitgate.draining");
const g = globalThis as unknown as Record<typeof KEY, boolean | undefined>;

export function markDraining(): void {
  g[KEY] = true;
}

/** Also true once lib/startup/shutdown's SIGTERM handler (jobs) marked the process as draining. */
export function isDraining(): boolean {
  return g[KEY] === true || (globalThis as unknown as { __kitgateDraining?: boolean }).__kitgateDraining === true;
}
