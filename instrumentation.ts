// Next calls register() once per server process before it serves the first request (`next start`, `next dev`,
// standalone `node server.js`): the one place that holds however the production server is started. A failed
// check prints what is wrong and exits non-zero instead of leaving a server that answers 500 everywhere.
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { assertStartup } = await import("@/lib/startup/check-startup");
  await assertStartup("web server");
  const [{ loadConfig }, { stampClientAddress }] = await Promise.all([import("@/lib/config/load-config"), import("@/lib/startup/stamp-client-address")]);
  stampClientAddress((await loadConfig()).trustedProxies ?? []);
  const { startObservability } = await import("@/lib/observability/start-observability");
  startObservability();
}
